package dev.warden.inspect.validate;

import static dev.warden.inspect.validate.CheckDigits.digit;
import static dev.warden.inspect.validate.CheckDigits.num;
import static dev.warden.inspect.validate.CheckDigits.validDate;
import static dev.warden.inspect.validate.CheckDigits.weighted;

import java.util.Set;

/** Validators of identifiers from the Americas, including US health identifiers. */
public final class AmericanIds {
  private static final Set<String> SAMPLE_SSNS = Set.of("078051120", "219099999", "123456789");
  private static final Set<Integer> UNASSIGNED_EIN =
      Set.of(0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97);

  private AmericanIds() {}

  public static boolean ssn(String s) {
    int area = num(s, 0, 3);
    return area != 0
        && area != 666
        && area < 900
        && num(s, 3, 5) != 0
        && num(s, 5, 9) != 0
        && !SAMPLE_SSNS.contains(s)
        && !CheckDigits.allSame(s);
  }

  public static boolean itin(String s) {
    int g = num(s, 3, 5);
    return s.charAt(0) == '9'
        && ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94);
  }

  public static boolean aba(String s) {
    int p = num(s, 0, 2);
    boolean prefix = p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80;
    return prefix && weighted(s, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0 && !CheckDigits.allSame(s);
  }

  public static boolean ein(String s) {
    return !UNASSIGNED_EIN.contains(num(s, 0, 2));
  }

  public static boolean caSin(String s) {
    return "1234567".indexOf(s.charAt(0)) >= 0 || s.charAt(0) == '9' ? CheckDigits.luhn(s) : false;
  }

  public static boolean npi(String s) {
    return (s.charAt(0) == '1' || s.charAt(0) == '2') && CheckDigits.luhn("80840" + s);
  }

  public static boolean dea(String s) {
    if (!Shapes.matches(s, "[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}")) {
      return false;
    }
    String d = s.substring(2);
    int sum =
        digit(d, 0) + digit(d, 2) + digit(d, 4) + 2 * (digit(d, 1) + digit(d, 3) + digit(d, 5));
    return sum % 10 == digit(d, 6);
  }

  public static boolean mbi(String s) {
    String a = "[AC-HJKMNP-RT-Y]";
    String an = "[AC-HJKMNP-RT-Y0-9]";
    return Shapes.matches(s, "[1-9]" + a + an + "[0-9]" + a + an + "[0-9]" + a + a + "[0-9][0-9]");
  }

  public static boolean brCpf(String s) {
    if (CheckDigits.allSame(s)) {
      return false;
    }
    int d1 = weighted(s, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    int d2 = weighted(s, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    return d1 == digit(s, 9) && d2 == digit(s, 10);
  }

  public static boolean brCnpj(String s) {
    if (CheckDigits.allSame(s)) {
      return false;
    }
    int r1 = weighted(s, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    int r2 = weighted(s, 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    return (r1 < 2 ? 0 : 11 - r1) == digit(s, 12) && (r2 < 2 ? 0 : 11 - r2) == digit(s, 13);
  }

  public static boolean mxCurp(String s) {
    if (!Shapes.matches(s, "[A-Z]{4}[0-9]{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z][0-9]")) {
      return false;
    }
    String chars = "0123456789ABCDEFGHIJKLMN\u00d1OPQRSTUVWXYZ";
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += chars.indexOf(s.charAt(i)) * (18 - i);
    }
    return (10 - sum % 10) % 10 == digit(s, 17) && validDate(1, num(s, 6, 8), num(s, 8, 10));
  }

  public static boolean mxRfc(String s) {
    String body = s.length() == 12 ? " " + s : s;
    if (!Shapes.matches(body, "[A-Z& ][A-Z&]{3}[0-9]{6}[A-Z0-9]{2}[0-9A]")
        || !validDate(1, num(body, 6, 8), num(body, 8, 10))) {
      return false;
    }
    String chars = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ \u00d1";
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += chars.indexOf(body.charAt(i)) * (13 - i);
    }
    int r = 11 - sum % 11;
    char check = r == 11 ? '0' : r == 10 ? 'A' : (char) ('0' + r);
    return check == body.charAt(12);
  }

  public static boolean arCuit(String s) {
    if (!Set.of("20", "23", "24", "27", "30", "33", "34").contains(s.substring(0, 2))) {
      return false;
    }
    int r = 11 - weighted(s, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    int check = r == 11 ? 0 : r == 10 ? 9 : r;
    return check == digit(s, 10);
  }

  /** Chile RUT: body digits and the check character (digit or K). */
  public static boolean clRut(String body, char dv) {
    int sum = 0;
    int w = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      sum += digit(body, i) * w;
      w = w == 7 ? 2 : w + 1;
    }
    int r = 11 - sum % 11;
    char expected = r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
    return expected == Character.toUpperCase(dv);
  }

  public static boolean vin(String s) {
    if (!Shapes.matches(s, "[A-HJ-NPR-Z0-9]{17}")
        || s.chars().filter(Character::isDigit).count() < 4) {
      return false;
    }
    String map = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
    int[] w = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = s.charAt(i);
      int v = c <= '9' ? c - '0' : translit(c);
      sum += v * w[i];
    }
    int r = sum % 11;
    return (r == 10 ? 'X' : (char) ('0' + r)) == s.charAt(8) && map.length() > 0;
  }

  private static int translit(char c) {
    String t = "ABCDEFGHJKLMNPRSTUVWXYZ";
    int[] v = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    return v[t.indexOf(c)];
  }
}
