package dev.warden.inspect.detect;

import dev.warden.inspect.validate.CheckDigits;
import java.util.HashMap;
import java.util.Map;

/** IBAN: registry length per country and ISO 7064 MOD 97-10. */
final class Iban {
  private static final Map<String, Integer> LENGTHS = new HashMap<>();

  static {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21"
            + " HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27"
            + " MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24"
            + " RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22"
            + " VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
  }

  private Iban() {}

  static int[] lengths() {
    return LENGTHS.values().stream().mapToInt(Integer::intValue).distinct().toArray();
  }

  static boolean valid(String s) {
    Integer len = LENGTHS.get(s.substring(0, 2));
    if (len == null
        || len != s.length()
        || !Character.isDigit(s.charAt(2))
        || !Character.isDigit(s.charAt(3))) {
      return false;
    }
    for (int i = 4; i < s.length(); i++) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return CheckDigits.mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }
}
