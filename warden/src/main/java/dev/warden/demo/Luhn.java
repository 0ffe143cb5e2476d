package dev.warden.demo;

/** The Luhn (mod 10) check used by payment card numbers; the demo plants numbers that pass it. */
final class Luhn {
  private Luhn() {}

  /** True when the digits of {@code number} (spaces and dashes ignored) pass the check. */
  static boolean isValid(String number) {
    int sum = 0;
    int digits = 0;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (digits % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 12 && sum % 10 == 0;
  }
}
