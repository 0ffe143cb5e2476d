package dev.warden.inspect.policy;

import dev.warden.config.DataProtectionConfig.Action;

/** What a value becomes under an action that rewrites it. */
final class Replacement {
  private Replacement() {}

  static String of(Action action, String type, String value, int keepLast, Keyed tokens) {
    return switch (action) {
      case REDACT -> "[REDACTED:" + type + "]";
      case MASK -> mask(value, keepLast);
      case TOKENIZE -> tokens.token(type, value);
      case ALLOW, ALERT, BLOCK -> value;
    };
  }

  /**
   * Letters and digits become '*' except the last {@code keep} of them; separators stay, so a card
   * reads {@code ****-****-****-1111}.
   */
  static String mask(String value, int keep) {
    char[] out = value.toCharArray();
    int kept = 0;
    for (int i = out.length - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(out[i])) {
        if (kept < keep) {
          kept++;
        } else {
          out[i] = '*';
        }
      }
    }
    return new String(out);
  }
}
