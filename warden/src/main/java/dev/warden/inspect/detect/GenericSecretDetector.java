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
    if (hasDigit(value)
        && entropy(value) >= 3.5
        && !Credentials.placeholder(value)
        && !value.contains("://")) {
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
    while (i < to && is(SPACE, s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static final boolean[] SPACE = table(" \t\n\f\r");
  private static final boolean[] VALUE_END = table(" \t\n\f\r\"',;}{<>");

  private static boolean[] table(String chars) {
    boolean[] table = new boolean[128];
    chars.chars().forEach(c -> table[c] = true);
    return table;
  }

  private static boolean is(boolean[] table, char c) {
    return c < 128 && table[c];
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
    return !is(VALUE_END, c);
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= '9' ? c >= '0' : c >= 128 && Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code c * log2(c)} for every count a value of at most 300 chars can hold. */
  private static final double[] C_LOG_C = new double[301];

  static {
    for (int c = 1; c < C_LOG_C.length; c++) {
      C_LOG_C[c] = c * Math.log(c) / Math.log(2);
    }
  }

  /**
   * The Shannon entropy of {@code s}'s ASCII chars in bits per char, one bit more where it holds
   * others: {@code -sum(c / n * log2(c / n))} over the counts {@code c} of its {@code n} chars,
   * which is {@code (sum(c) * log2(n) - sum(c * log2(c))) / n}, with {@code c * log2(c)} from a
   * table.
   */
  static double entropy(String s) {
    int n = s.length();
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double sum = 0;
    for (int c : counts) {
      sum += c < C_LOG_C.length ? C_LOG_C[c] : c * Math.log(c) / Math.log(2);
    }
    double h = n == 0 ? 0 : ((n - other) * Math.log(n) / Math.log(2) - sum) / n;
    return other > 0 ? h + 1 : h;
  }
}
