package dev.warden.inspect.detect;

import dev.warden.inspect.ScanText;
import java.util.List;

/**
 * How a label and its value are written: a label word may start a longer key ({@code
 * passport_number}, {@code driverLicenseNumber}, {@code passport-no}) and be followed by words that
 * only continue it before the value ({@code Passport No.}, {@code DNI es}).
 */
final class Labels {
  /** A separator between a label and its value: a char that is no letter or digit, or a tag. */
  private static final String SEPARATOR = "(?:[^A-Za-z0-9<]|<[^<>]{1,40}>)";

  /** How {@link #VALUE} starts: an expression starting so needs a separator first. */
  static final String SEPARATORS_FIRST = "^" + SEPARATOR + "{1,";

  /**
   * What may stand between a label and its value: separators and HTML tags ({@code
   * <th>Passport</th><td>}), and up to three words that only continue the label ({@code passport
   * no. }, {@code Passeport n° }, {@code DNI es }, {@code voter ID card number }).
   */
  static final String VALUE =
      SEPARATORS_FIRST
          + "16}(?:(?i:number|numbers|num|nr|no|n°|nº|numéro|numero|número|nummer|numer|code|id"
          + "|identifier|card|date|is|es|est|ist|lautet|was|on|le|am)\\.?"
          + SEPARATOR
          + "{1,8}){0,3}";

  private Labels() {}

  /** Past the rest of a key the context word starts ({@code passport_number}, {@code voterId}). */
  static int restOfKey(ScanText text, int end) {
    int i = end;
    int limit = Math.min(text.length(), end + 20);
    if (i >= limit || !continuesKey(text, i)) {
      return i; // "cidr" is not "cid": only a snake-, kebab- or camel-case key continues the word
    }
    while (i < limit && (Character.isLetter(text.charAt(i)) || keyJoiner(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  /** Words that may go on a label's key: passport_no, birthDate, swift_code, mac_address. */
  private static final List<String> KEY_TAILS =
      List.of(
          "number",
          "numbers",
          "num",
          "nr",
          "no",
          "nummer",
          "numero",
          "id",
          "ids",
          "code",
          "card",
          "date",
          "day",
          "dt",
          "value",
          "address",
          "bic",
          "identifier",
          "identification");

  /** Whether {@code s[from, to)}, the rest of a key after its label word, only continues it. */
  static boolean onlyContinues(String s, int from, int to) {
    int i = from;
    while (i < to) {
      while (i < to && keyJoiner(s.charAt(i))) {
        i++;
      }
      int word = i;
      i++;
      while (i < to
          && Character.isLetter(s.charAt(i))
          && !(Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1)))) {
        i++;
      }
      if (word < to && !tail(s, word, Math.min(i, to))) {
        return false;
      }
    }
    return true;
  }

  private static boolean tail(String s, int from, int to) {
    for (String t : KEY_TAILS) {
      if (t.length() == to - from && s.regionMatches(true, from, t, 0, t.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean continuesKey(ScanText text, int i) {
    char c = text.charAt(i);
    if (c == '_' || Character.isUpperCase(c)) {
      return true;
    }
    // passport-no: a hyphen glues one more word of the key, not a value such as a date range
    return c == '-' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
  }

  private static boolean keyJoiner(char c) {
    return c == '_' || c == '-';
  }
}
