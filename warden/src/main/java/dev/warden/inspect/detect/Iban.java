package dev.warden.inspect.detect;

import dev.warden.inspect.Head;
import java.util.stream.IntStream;

/**
 * IBAN: registry length per country and ISO 7064 MOD 97-10, read from an upper-cased candidate in
 * place (the country and check digits move to the end without a copy).
 */
final class Iban {
  private static final byte[] LENGTH = new byte[26 * 26]; // country code -> length, 0 for none

  static {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21"
            + " HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27"
            + " MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24"
            + " RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22"
            + " VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      LENGTH[country(entry.charAt(0), entry.charAt(1))] =
          (byte) Integer.parseInt(entry.substring(2));
    }
  }

  private Iban() {}

  static int[] lengths() {
    return IntStream.range(0, LENGTH.length)
        .map(i -> LENGTH[i])
        .filter(l -> l > 0)
        .distinct()
        .toArray();
  }

  /** Whether {@code s}, upper-case letters and digits, is an IBAN. */
  static boolean valid(String s) {
    int n = s.length();
    if (n < 5 || !upper(s.charAt(0)) || !upper(s.charAt(1))) {
      return false;
    }
    if (LENGTH[country(s.charAt(0), s.charAt(1))] != n
        || !digit(s.charAt(2))
        || !digit(s.charAt(3))) {
      return false;
    }
    int r = 0; // MOD 97-10 over s[4, n) + s[0, 4), a letter read as two digits (A = 10)
    for (int k = 4; k < n + 4; k++) {
      char c = s.charAt(k < n ? k : k - n);
      if (digit(c)) {
        r = (r * 10 + c - '0') % 97;
      } else if (upper(c)) {
        r = (r * 100 + c - 'A' + 10) % 97;
      } else {
        return false;
      }
    }
    return r == 1;
  }

  /** The index of a two-letter country code, of upper-case letters, in a table of 26 × 26. */
  /**
   * What {@link #valid} requires of the first chars ({@link
   * dev.warden.inspect.Detector#examinesHead}): a country code whose IBANs have {@code length}
   * chars.
   */
  static boolean head(long head, int known, int length) {
    if (known < 2) {
      return true;
    }
    char a = Head.at(head, 0);
    char b = Head.at(head, 1);
    return upper(a) && upper(b) && LENGTH[country(a, b)] == length;
  }

  static int country(char first, char second) {
    return (first - 'A') * 26 + second - 'A';
  }

  static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
