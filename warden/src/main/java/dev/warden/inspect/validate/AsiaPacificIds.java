package dev.warden.inspect.validate;

import static dev.warden.inspect.validate.CheckDigits.digit;
import static dev.warden.inspect.validate.CheckDigits.num;
import static dev.warden.inspect.validate.CheckDigits.validDate;
import static dev.warden.inspect.validate.CheckDigits.weighted;

/** Validators of identifiers from Asia, Oceania, Africa and the Middle East. */
public final class AsiaPacificIds {
  private AsiaPacificIds() {}

  public static boolean auTfn(String s) {
    return s.length() == 9 && weighted(s, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0
        || s.length() == 8 && weighted(s, 10, 7, 8, 4, 6, 3, 5, 1) % 11 == 0;
  }

  public static boolean auMedicare(String s) {
    return s.charAt(0) >= '2'
        && s.charAt(0) <= '6'
        && weighted(s, 1, 3, 7, 9, 1, 3, 7, 9) % 10 == digit(s, 8);
  }

  public static boolean auAbn(String s) {
    int sum = (digit(s, 0) - 1) * 10 + weighted(s.substring(1), 1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
    return s.charAt(0) != '0' && sum % 89 == 0;
  }

  public static boolean auAcn(String s) {
    return (10 - weighted(s, 8, 7, 6, 5, 4, 3, 2, 1) % 10) % 10 == digit(s, 8);
  }

  public static boolean nzIrd(String s) {
    String n = s.length() == 8 ? "0" + s : s;
    long v = Long.parseLong(n);
    if (v < 10_000_000 || v > 150_000_000) {
      return false;
    }
    int r = weighted(n, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    int check = r == 0 ? 0 : 11 - r;
    if (check == 10) {
      r = weighted(n, 7, 4, 3, 2, 5, 2, 7, 6) % 11;
      check = r == 0 ? 0 : 11 - r;
    }
    return check != 10 && check == digit(n, 8);
  }

  public static boolean sgNric(String s) {
    if (!Shapes.matches(s, "[STFGM][0-9]{7}[A-Z]")) {
      return false;
    }
    char p = s.charAt(0);
    int sum = weighted(s.substring(1), 2, 7, 6, 5, 4, 3, 2);
    sum += p == 'T' || p == 'G' ? 4 : p == 'M' ? 3 : 0;
    int r = sum % 11;
    String table = p == 'S' || p == 'T' ? "JZIHGFEDCBA" : p == 'M' ? "KLJNPQRTUWX" : "XWUTRQPNMLK";
    return table.charAt(p == 'M' ? 10 - r : r) == s.charAt(8);
  }

  public static boolean aadhaar(String s) {
    return s.charAt(0) >= '2' && CheckDigits.verhoeff(s);
  }

  public static boolean inPan(String s) {
    return Shapes.matches(s, "[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]");
  }

  public static boolean inGstin(String s) {
    if (!Shapes.matches(s, "[0-3][0-9][A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]")
        || num(s, 0, 2) > 38) {
      return false;
    }
    String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    int sum = 0;
    for (int i = 0; i < 14; i++) {
      int p = chars.indexOf(s.charAt(i)) * (i % 2 == 0 ? 1 : 2);
      sum += p / 36 + p % 36;
    }
    return chars.charAt((36 - sum % 36) % 36) == s.charAt(14);
  }

  public static boolean cnResidentId(String s) {
    if (!Shapes.matches(s, "[1-9][0-9]{16}[0-9X]")
        || !validDate(1, num(s, 10, 12), num(s, 12, 14))) {
      return false;
    }
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = weighted(s, w);
    return "10X98765432".charAt(sum % 11) == s.charAt(17);
  }

  /** The shape of an HKID without brackets: 1–2 letters, 6 digits, check digit or A. */
  public static final String HKID_SHAPE = "[A-Z]{1,2}[0-9]{6}[0-9A]";

  /** HKID without brackets: 1–2 letters, 6 digits, check digit or A. */
  public static boolean hkid(String s) {
    if (!Shapes.matches(s, HKID_SHAPE)) {
      return false;
    }
    String id = s.length() == 8 ? " " + s : s;
    int sum =
        (id.charAt(0) == ' ' ? 36 : id.charAt(0) - 'A' + 10) * 9 + (id.charAt(1) - 'A' + 10) * 8;
    for (int i = 2; i < 8; i++) {
      sum += digit(id, i) * (9 - i);
    }
    int r = 11 - sum % 11;
    char check = r == 11 ? '0' : r == 10 ? 'A' : (char) ('0' + r);
    return check == id.charAt(8);
  }

  public static boolean twId(String s) {
    if (!Shapes.matches(s, "[A-Z][12][0-9]{8}")) {
      return false;
    }
    int code = "ABCDEFGHJKLMNPQRSTUVXYWZIO".indexOf(s.charAt(0)) + 10;
    int sum = code / 10 + (code % 10) * 9 + weighted(s.substring(1), 8, 7, 6, 5, 4, 3, 2, 1, 1);
    return sum % 10 == 0;
  }

  public static boolean jpMyNumber(String s) {
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
      int p = digit(s, 11 - n);
      sum += p * (n <= 6 ? n + 1 : n - 5);
    }
    int r = sum % 11;
    return (r <= 1 ? 0 : 11 - r) == digit(s, 11);
  }

  public static boolean krRrn(String s) {
    return "12345678".indexOf(s.charAt(6)) >= 0 && validDate(1, num(s, 2, 4), num(s, 4, 6));
  }

  public static boolean krRrnChecksum(String s) {
    int sum = weighted(s, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5);
    return (11 - sum % 11) % 10 == digit(s, 12);
  }

  public static boolean thNationalId(String s) {
    int sum = weighted(s, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2);
    return s.charAt(0) != '0' && (11 - sum % 11) % 10 == digit(s, 12);
  }

  public static boolean myNric(String s) {
    return validDate(1, num(s, 2, 4), num(s, 4, 6));
  }

  public static boolean idNik(String s) {
    int day = num(s, 6, 8);
    return validDate(1, num(s, 8, 10), day > 40 ? day - 40 : day) && num(s, 0, 2) >= 11;
  }

  public static boolean ilTeudatZehut(String s) {
    String n = "000000000".substring(s.length()) + s;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int v = digit(n, i) * (i % 2 + 1);
      sum += v > 9 ? v - 9 : v;
    }
    return sum % 10 == 0 && !CheckDigits.allSame(n);
  }

  public static boolean zaId(String s) {
    return CheckDigits.luhn(s)
        && validDate(1, num(s, 2, 4), num(s, 4, 6))
        && (s.charAt(10) == '0' || s.charAt(10) == '1');
  }
}
