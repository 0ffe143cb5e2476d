package dev.warden.inspect.detect;

import com.google.re2j.Pattern;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;

/**
 * A high-entropy value assigned to a key whose name says secret: {@code "api_key": "…"}, {@code
 * password=…}. The value must be 10–150 chars with Shannon entropy ≥ 3.5 bits, and not a
 * placeholder.
 */
final class GenericSecretDetector implements Detector {
  static final Pattern ASSIGNMENT =
      Pattern.compile("^[A-Za-z0-9_.-]{0,24}[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;}{<>]{10,150})");

  @Override
  public List<String> types() {
    return List.of("GENERIC_SECRET_ASSIGNMENT");
  }

  @Override
  public List<String> keywords() {
    return List.of(
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "api_key",
        "apikey",
        "api-key",
        "access_key",
        "accesskey",
        "auth_key",
        "credential",
        "creds",
        "private_key",
        "client_secret");
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    long span = assignment(text.text(), end, Math.min(text.length(), end + 200));
    if (span < 0) {
      return;
    }
    int valueStart = (int) (span >>> 32);
    int valueEnd = (int) span;
    String value = text.text().substring(valueStart, valueEnd);
    if (entropy(value) >= 3.5
        && !Credentials.placeholder(value)
        && !value.contains("://")
        && value.chars().anyMatch(Character::isDigit)) {
      out.add(
          new Finding(
              "GENERIC_SECRET_ASSIGNMENT", valueStart, valueEnd, Confidence.MEDIUM, Tags.SECRET));
    }
  }

  /**
   * {@link #ASSIGNMENT} matched at {@code from} in {@code s[from, to)} without the regex engine:
   * every part of it is a greedy run of a class the next part cannot start with, so one forward
   * walk decides. Returns the value's span as {@code start << 32 | end}, or -1 for no match.
   */
  static long assignment(String s, int from, int to) {
    int i = from;
    while (i < to && i - from < 24 && keyChar(s.charAt(i))) {
      i++;
    }
    if (i < to && quote(s.charAt(i))) {
      i++;
    }
    i = spaces(s, i, to);
    if (i >= to || (s.charAt(i) != ':' && s.charAt(i) != '=')) {
      return -1;
    }
    i = spaces(s, i + 1, to);
    if (i < to && quote(s.charAt(i))) {
      i++;
    }
    int start = i;
    int codePoints = 0; // the regex counts code points, not chars
    while (i < to && codePoints < 150 && valueChar(s.charAt(i))) {
      boolean pair =
          i + 1 < to
              && Character.isHighSurrogate(s.charAt(i))
              && Character.isLowSurrogate(s.charAt(i + 1));
      i += pair ? 2 : 1;
      codePoints++;
    }
    return codePoints < 10 ? -1 : (long) start << 32 | i;
  }

  private static int spaces(String s, int from, int to) {
    int i = from;
    while (i < to && " \t\n\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static boolean keyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  private static boolean quote(char c) {
    return c == '"' || c == '\'';
  }

  private static boolean valueChar(char c) {
    return " \t\n\f\r\"',;}{<>".indexOf(c) < 0;
  }

  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return other > 0 ? h + 1 : h;
  }
}
