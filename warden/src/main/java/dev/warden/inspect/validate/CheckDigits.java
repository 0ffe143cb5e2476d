package dev.warden.inspect.validate;

/** The check-digit algorithms that many identifiers share (catalogue §2.2). */
public final class CheckDigits {
  private static final int[][] VERHOEFF_D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] VERHOEFF_P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  private CheckDigits() {}

  /** The ASCII digits of {@code s}, in order. */
  public static String digitsOf(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  public static int digit(String s, int i) {
    return s.charAt(i) - '0';
  }

  /** Luhn (mod 10) over all digits, the last being the check digit. */
  public static boolean luhn(CharSequence s) {
    int sum = 0;
    boolean dbl = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** Verhoeff over all digits, the last being the check digit. */
  public static boolean verhoeff(String s) {
    int c = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = digit(s, s.length() - 1 - i);
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
    }
    return c == 0;
  }

  /** ISO 7064 MOD 97-10 value of letters-and-digits (letters count 10…35). */
  public static int mod97(CharSequence s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = c <= '9' ? c - '0' : c - 'A' + 10;
      r = v > 9 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
    }
    return r;
  }

  /** ISO 7064 MOD 11,10: the last digit checks the others. */
  public static boolean mod11and10(String s) {
    int p = 10;
    for (int i = 0; i < s.length() - 1; i++) {
      int t = (digit(s, i) + p) % 10;
      if (t == 0) {
        t = 10;
      }
      p = (2 * t) % 11;
    }
    return (11 - p) % 10 == digit(s, s.length() - 1);
  }

  /** Σ dᵢ·wᵢ over the first weights.length digits. */
  public static int weighted(String s, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += digit(s, i) * weights[i];
    }
    return sum;
  }

  /** ICAO 9303 7-3-1 check digit of a machine-readable field. */
  public static int icao(CharSequence s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = c == '<' ? 0 : c <= '9' ? c - '0' : c - 'A' + 10;
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  public static boolean allSame(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != first) {
        return false;
      }
    }
    return true;
  }

  public static boolean validDate(int yy, int mm, int dd) {
    if (mm < 1 || mm > 12 || dd < 1) {
      return false;
    }
    int[] days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return dd <= days[mm - 1] && yy >= 0;
  }

  public static int num(String s, int from, int to) {
    return Integer.parseInt(s, from, to, 10);
  }
}
