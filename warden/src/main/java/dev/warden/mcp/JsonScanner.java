package dev.warden.mcp;

import java.nio.charset.StandardCharsets;

/**
 * A check that bytes are one well-formed JSON object (RFC 8259, UTF-8), which reports the object's
 * top-level members and builds nothing. It exists for the relay path: an upstream's answer is
 * untrusted and must be checked before it is passed on, but nothing needs it parsed, and at 64 KB
 * the check was the largest single part of a call's cost. Strings, which make up most of a tool's
 * answer, are crossed 64 bytes at a time by {@link VectorStrings} when the JVM has the Vector API
 * ({@code --add-modules jdk.incubator.vector}), and a byte at a time otherwise.
 *
 * <p>It accepts what Jackson's strict parser accepts: no comments, single quotes, NaN, leading
 * zeros or trailing commas; control characters must be escaped; a multi-byte UTF-8 character needs
 * a valid lead byte and its continuation bytes; nesting deeper than {@link #MAX_DEPTH} and numbers
 * longer than {@link #MAX_NUMBER} characters are refused as Jackson's default limits refuse them.
 */
public final class JsonScanner {
  /** Deepest nesting accepted, the object itself being depth 1 (Jackson's default limit). */
  public static final int MAX_DEPTH = 1000;

  /** Longest number accepted, in characters (Jackson's default limit). */
  public static final int MAX_NUMBER = 1000;

  /**
   * Whether strings are crossed with SIMD compares: the JVM has the Vector API and wide vectors.
   */
  private static final boolean SIMD = VectorApi.usable(() -> VectorStrings.worthwhile());

  /** The bytes that stand for themselves in a string: not a quote, backslash, control or >0x7F. */
  private static final boolean[] ORDINARY = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      ORDINARY[c] = c != '"' && c != '\\';
    }
  }

  /** Hears the members of the top-level object, in order. */
  public interface Members {
    /**
     * One member: its name's bytes between the quotes (as written, escapes included) and its
     * value's bytes.
     */
    void member(int nameStart, int nameEnd, int valueStart, int valueEnd);
  }

  private final byte[] b;
  private final int end;
  private final boolean simd;

  private JsonScanner(byte[] b, int end, boolean simd) {
    this.b = b;
    this.end = end;
    this.simd = simd;
  }

  /**
   * Whether this JVM crosses strings with SIMD compares. Without {@code --add-modules
   * jdk.incubator.vector}, or on a CPU with vectors narrower than 16 bytes, it does not, and a 64
   * KB answer takes about five times as long to check.
   */
  public static boolean simd() {
    return SIMD;
  }

  /**
   * Whether {@code b[off, off + len)} is exactly one well-formed JSON object, with only whitespace
   * (and a UTF-8 byte order mark) around it. {@code members} hears each top-level member as it is
   * read, so it may hear some before a later error makes the whole invalid.
   */
  public static boolean object(byte[] b, int off, int len, Members members) {
    return object(b, off, len, members, SIMD);
  }

  /** {@link #object(byte[], int, int, Members)}, with or without SIMD (for tests). */
  static boolean object(byte[] b, int off, int len, Members members, boolean simd) {
    if (off < 0 || len < 0 || off + len > b.length) {
      throw new IndexOutOfBoundsException("range " + off + "+" + len + " of " + b.length);
    }
    JsonScanner s = new JsonScanner(b, off + len, simd && SIMD);
    int p = off;
    if (len >= 3
        && (b[p] & 0xFF) == 0xEF
        && (b[p + 1] & 0xFF) == 0xBB
        && (b[p + 2] & 0xFF) == 0xBF) {
      p += 3;
    }
    p = s.space(p);
    if (p >= s.end || b[p] != '{') {
      return false;
    }
    p = s.members(p, 1, members);
    return p >= 0 && s.space(p) == s.end;
  }

  /** The text of a JSON string's content {@code b[start, end)} (between its quotes), unescaped. */
  public static String text(byte[] b, int start, int end) {
    int i = start;
    while (i < end && b[i] != '\\') {
      i++;
    }
    if (i == end) {
      return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder(end - start);
    out.append(new String(b, start, i - start, StandardCharsets.UTF_8));
    while (i < end) {
      int run = i;
      while (i < end && b[i] != '\\') {
        i++;
      }
      out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
      if (i >= end) {
        break;
      }
      char c = (char) b[i + 1];
      switch (c) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append(
              (char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
          i += 4;
        }
        default -> out.append(c); // " \ /
      }
      i += 2;
    }
    return out.toString();
  }

  /**
   * Whether the member name {@code b[start, end)} (its bytes between the quotes) reads {@code
   * ascii}, escapes decoded as Jackson decodes names: {@code "i\\u0064"} is {@code id}.
   */
  public static boolean named(byte[] b, int start, int end, String ascii) {
    if (end - start == ascii.length()) {
      int i = 0;
      while (i < ascii.length() && b[start + i] == ascii.charAt(i)) {
        i++;
      }
      if (i == ascii.length()) {
        return true;
      }
    }
    for (int i = start; i < end; i++) {
      if (b[i] == '\\') {
        return text(b, start, end).equals(ascii);
      }
    }
    return false;
  }

  /** The object opening at {@code p}; the position after it, or -1. */
  private int members(int p, int depth, Members heard) {
    if (depth > MAX_DEPTH) {
      return -1;
    }
    p = space(p + 1);
    if (p < end && b[p] == '}') {
      return p + 1;
    }
    while (true) {
      if (p >= end || b[p] != '"') {
        return -1;
      }
      int name = p + 1;
      p = string(p, true);
      if (p < 0) {
        return -1;
      }
      int nameEnd = p - 1;
      p = space(p);
      if (p >= end || b[p] != ':') {
        return -1;
      }
      int value = space(p + 1);
      p = value(value, depth);
      if (p < 0) {
        return -1;
      }
      if (heard != null) {
        heard.member(name, nameEnd, value, p);
      }
      p = space(p);
      if (p >= end) {
        return -1;
      }
      if (b[p] == ',') {
        p = space(p + 1);
      } else if (b[p] == '}') {
        return p + 1;
      } else {
        return -1;
      }
    }
  }

  private int elements(int p, int depth) {
    if (depth > MAX_DEPTH) {
      return -1;
    }
    p = space(p + 1);
    if (p < end && b[p] == ']') {
      return p + 1;
    }
    while (true) {
      p = value(p, depth);
      if (p < 0) {
        return -1;
      }
      p = space(p);
      if (p >= end) {
        return -1;
      }
      if (b[p] == ',') {
        p = space(p + 1);
      } else if (b[p] == ']') {
        return p + 1;
      } else {
        return -1;
      }
    }
  }

  /** The value starting at {@code p} inside a container of {@code depth}; after it, or -1. */
  private int value(int p, int depth) {
    if (p >= end) {
      return -1;
    }
    return switch (b[p]) {
      case '"' -> string(p, false);
      case '{' -> members(p, depth + 1, null);
      case '[' -> elements(p, depth + 1);
      case 't' -> literal(p, "true");
      case 'f' -> literal(p, "false");
      case 'n' -> literal(p, "null");
      default -> number(p);
    };
  }

  private int literal(int p, String word) {
    if (end - p < word.length()) {
      return -1;
    }
    for (int i = 1; i < word.length(); i++) {
      if (b[p + i] != word.charAt(i)) {
        return -1;
      }
    }
    int after = p + word.length();
    // "nullx" or "true1" is one bad token, not a literal and then garbage
    return after < end && identifierPart(b[after]) ? -1 : after;
  }

  private int number(int p) {
    int i = p;
    if (b[i] == '-') {
      i++;
    }
    if (i >= end) {
      return -1;
    }
    if (b[i] == '0') {
      i++;
    } else if (digit(b[i]) && b[i] != '0') {
      i = digits(i);
    } else {
      return -1;
    }
    if (i < end && b[i] == '.') {
      int d = i + 1;
      i = digits(d);
      if (i == d) {
        return -1;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int d = i;
      i = digits(d);
      if (i == d) {
        return -1;
      }
    }
    if (i - p > MAX_NUMBER || i < end && identifierPart(b[i])) {
      return -1; // "01", "1x": Jackson reads one malformed number
    }
    return i;
  }

  private int digits(int i) {
    while (i < end && digit(b[i])) {
      i++;
    }
    return i;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean identifierPart(byte c) {
    return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c < 0;
  }

  /**
   * The string whose opening quote is at {@code p}; the position after its closing quote, or -1. In
   * a member {@code name}, as Jackson (which decodes names) requires, an escaped surrogate must be
   * half of an escaped pair.
   */
  private int string(int p, boolean name) {
    final byte[] b = this.b;
    final int end = this.end;
    int i = p + 1;
    int bytewise = i; // the byte loop runs at least to here before blocks are tried again
    while (true) {
      if (simd && i >= bytewise && end - i >= VectorStrings.BLOCK) {
        int at = VectorStrings.cross(b, i, end);
        if (at < 0) {
          return ~at;
        }
        i = at;
        bytewise =
            at + VectorStrings.BLOCK; // the block it left to the byte loop, or the last bytes
      }
      if (i >= end) {
        return -1;
      }
      int c = b[i] & 0xFF;
      if (ORDINARY[c]) {
        i++;
        continue;
      }
      if (c == '"') {
        return i + 1;
      } else if (c == '\\') {
        i = escape(i, name);
      } else if (c >= 0x80) {
        i = utf8(i, c);
      } else {
        return -1; // a control character
      }
      if (i < 0) {
        return -1;
      }
    }
  }

  /** The escape at {@code i} (a backslash); the position after it, or -1. */
  private int escape(int i, boolean name) {
    if (i + 1 >= end) {
      return -1;
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        int unit = hex4(i + 2);
        if (unit < 0) {
          return -1;
        }
        if (!name || !Character.isSurrogate((char) unit)) {
          return i + 6;
        }
        boolean paired =
            Character.isHighSurrogate((char) unit)
                && i + 7 < end
                && b[i + 6] == '\\'
                && b[i + 7] == 'u'
                && Character.isLowSurrogate((char) Math.max(0, hex4(i + 8)));
        return paired ? i + 12 : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  /** The four hex digits at {@code i} as a number, or -1. */
  private int hex4(int i) {
    if (i + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** The multi-byte character whose lead byte {@code c} is at {@code i}; after it, or -1. */
  private int utf8(int i, int c) {
    int more;
    if ((c & 0xE0) == 0xC0) {
      more = 1;
    } else if ((c & 0xF0) == 0xE0) {
      more = 2;
    } else if ((c & 0xF8) == 0xF0) {
      more = 3;
    } else {
      return -1;
    }
    if (i + more >= end) {
      return -1; // the string's closing quote must still follow
    }
    for (int k = i + 1; k <= i + more; k++) {
      if ((b[k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return i + more + 1;
  }

  private int space(int p) {
    while (p < end) {
      byte c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      p++;
    }
    return p;
  }
}
