package dev.warden.inspect.validate;

import static dev.warden.inspect.validate.CheckDigits.digit;
import static dev.warden.inspect.validate.CheckDigits.num;
import static dev.warden.inspect.validate.CheckDigits.validDate;
import static dev.warden.inspect.validate.CheckDigits.weighted;

/** Validators of European national and tax identifiers (catalogue rows 29–58). */
public final class EuropeanIds {
  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  private EuropeanIds() {}

  public static boolean ukNino(String s) {
    if (!Shapes.matches(s, "[A-Z]{2}[0-9]{6}[A-D]")) {
      return false;
    }
    String p = s.substring(0, 2);
    return "DFIQUV".indexOf(s.charAt(0)) < 0
        && "DFIOQUV".indexOf(s.charAt(1)) < 0
        && !java.util.Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(p);
  }

  public static boolean nhs(String s) {
    int r = weighted(s, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    int check = 11 - r;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digit(s, 9) && !CheckDigits.allSame(s);
  }

  public static boolean deSteuerId(String s) {
    if (s.charAt(0) == '0' || !CheckDigits.mod11and10(s)) {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[digit(s, i)]++;
    }
    int repeated = 0;
    int missing = 0;
    for (int c : counts) {
      if (c == 2 || c == 3) {
        repeated++;
      } else if (c == 0) {
        missing++;
      } else if (c > 3) {
        return false;
      }
    }
    return repeated == 1 && missing >= 1;
  }

  public static boolean frNir(String s) {
    if ("12378".indexOf(s.charAt(0)) < 0 && s.charAt(0) != '4') {
      return false;
    }
    String body = s.substring(0, 13).replace("2A", "19").replace("2B", "18");
    int month = num(s, 3, 5);
    if (!(month >= 1 && month <= 12 || month >= 20)) {
      return false;
    }
    long n = Long.parseLong(body);
    return 97 - n % 97 == Long.parseLong(s.substring(13, 15));
  }

  public static boolean esDni(String s) {
    return DNI_LETTERS.charAt(num(s, 0, 8) % 23) == s.charAt(8);
  }

  public static boolean esNie(String s) {
    int prefix = "XYZ".indexOf(s.charAt(0));
    return prefix >= 0 && esDni(prefix + s.substring(1));
  }

  public static boolean itCodiceFiscale(String s) {
    if (!Shapes.matches(
        s,
        "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")) {
      return false;
    }
    int[] odd = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      int v = c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? odd[v] : v;
    }
    return 'A' + sum % 26 == s.charAt(15);
  }

  public static boolean nlBsn(String s) {
    int sum = weighted(s, 9, 8, 7, 6, 5, 4, 3, 2) - digit(s, 8);
    return sum % 11 == 0 && sum != 0;
  }

  public static boolean beNationalNumber(String s) {
    long body = Long.parseLong(s.substring(0, 9));
    int check = num(s, 9, 11);
    boolean dateOk = num(s, 2, 4) <= 12 && num(s, 4, 6) <= 31;
    return dateOk && (97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check);
  }

  public static boolean plPesel(String s) {
    int check = (10 - weighted(s, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3) % 10) % 10;
    int month = num(s, 2, 4) % 20;
    return check == digit(s, 10) && validDate(1, month, num(s, 4, 6));
  }

  public static boolean sePersonnummer(String s) {
    String ten = s.length() == 12 ? s.substring(2) : s;
    int day = num(ten, 4, 6);
    return CheckDigits.luhn(ten) && validDate(1, num(ten, 2, 4), day > 60 ? day - 60 : day);
  }

  public static boolean noFodselsnummer(String s) {
    int day = num(s, 0, 2);
    if (!validDate(1, num(s, 2, 4), day > 40 ? day - 40 : day)) {
      return false;
    }
    int k1 = 11 - weighted(s, 3, 7, 6, 1, 8, 9, 4, 5, 2) % 11;
    int k2 = 11 - weighted(s, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    return k1 % 11 == digit(s, 9) && k2 % 11 == digit(s, 10) && k1 != 10 && k2 != 10;
  }

  public static boolean dkCpr(String s) {
    return validDate(1, num(s, 2, 4), num(s, 0, 2));
  }

  public static boolean fiHetu(String s) {
    if (!Shapes.matches(s, "[0-9]{6}[-+ABCDEFYXWVU][0-9]{3}[0-9A-Y]")
        || !validDate(1, num(s, 2, 4), num(s, 0, 2))) {
      return false;
    }
    int n = Integer.parseInt(s.substring(0, 6) + s.substring(7, 10));
    return HETU_CHECK.charAt(n % 31) == s.charAt(10);
  }

  public static boolean atSvnr(String s) {
    int sum = weighted(s, 3, 7, 9, 0, 5, 8, 4, 2, 1, 6) % 11;
    return s.charAt(0) != '0' && sum == digit(s, 3) && validDate(1, num(s, 6, 8), num(s, 4, 6));
  }

  public static boolean chAhv(String s) {
    return s.startsWith("756") && ean13(s);
  }

  public static boolean ean13(String s) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += digit(s, i) * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10 == digit(s, 12);
  }

  public static boolean iePpsn(String s) {
    if (!Shapes.matches(s, "[0-9]{7}[A-W][A-IW]?")) {
      return false;
    }
    int sum = weighted(s, 8, 7, 6, 5, 4, 3, 2);
    if (s.length() == 9) {
      sum += 9 * (s.charAt(8) == 'W' ? 0 : s.charAt(8) - 'A' + 1);
    }
    int r = sum % 23;
    return (r == 0 ? 'W' : (char) ('A' + r - 1)) == s.charAt(7);
  }

  public static boolean ptNif(String s) {
    int r = 11 - weighted(s, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    return "1235689".indexOf(s.charAt(0)) >= 0 && (r >= 10 ? 0 : r) == digit(s, 8);
  }

  public static boolean roCnp(String s) {
    int r = weighted(s, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
    return s.charAt(0) != '0'
        && (r == 10 ? 1 : r) == digit(s, 12)
        && validDate(1, num(s, 3, 5), num(s, 5, 7));
  }

  public static boolean czBirthNumber(String s) {
    int month = num(s, 2, 4) % 50 % 20;
    if (!validDate(1, month, num(s, 4, 6))) {
      return false;
    }
    if (s.length() == 9) {
      return true;
    }
    long n = Long.parseLong(s);
    long r = Long.parseLong(s.substring(0, 9)) % 11;
    return n % 11 == 0 || (r == 10 && digit(s, 9) == 0);
  }

  public static boolean deIdCard(String s) {
    return Shapes.matches(s, "[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}[0-9]")
        && CheckDigits.icao(s.substring(0, 9)) == digit(s, 9);
  }

  public static boolean trTckn(String s) {
    int odd = digit(s, 0) + digit(s, 2) + digit(s, 4) + digit(s, 6) + digit(s, 8);
    int even = digit(s, 1) + digit(s, 3) + digit(s, 5) + digit(s, 7);
    int d10 = ((odd * 7 - even) % 10 + 10) % 10;
    int total = 0;
    for (int i = 0; i < 10; i++) {
      total += digit(s, i);
    }
    return s.charAt(0) != '0' && d10 == digit(s, 9) && total % 10 == digit(s, 10);
  }

  public static boolean ukUtr(String s) {
    int r = weighted(s.substring(1) + "0", 6, 7, 8, 9, 10, 5, 4, 3, 2) % 11;
    // HMRC's table: remainder 0 → 2, 1 → 1, then 11 − r (python-stdnum gb.utr agrees).
    return "21987654321".charAt(r) == s.charAt(0);
  }
}
