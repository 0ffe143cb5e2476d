package dev.warden.inspect.normalize;

/**
 * Undoes the encodings that hide values from pattern matching, in one bounded pass: JSON string
 * escapes ({@code \u0034}, {@code \n}), URL percent-encoding of ASCII, HTML character references,
 * full-width forms (U+FF01–U+FF5E) and odd spaces, and drops zero-width, soft-hyphen and Unicode
 * tag characters. Each output char remembers where it came from. Text needing none of this is
 * returned as it is, without copying.
 */
public final class Normalizer {
  /** The ASCII chars that may start an encoding; every non-ASCII char needs a look too. */
  public static final String MARKS = "\\%&";

  private Normalizer() {}

  public static NormalizedText normalize(String in) {
    if (!needsWork(in)) {
      return new NormalizedText(in, null);
    }
    int n = in.length();
    StringBuilder out = new StringBuilder(n);
    int[] origin = new int[n + 1];
    int i = 0;
    while (i < n) {
      char c = in.charAt(i);
      int used = 1;
      int decoded = c;
      if (c == '\\' && i + 1 < n) {
        int[] esc = jsonEscape(in, i);
        decoded = esc[0];
        used = esc[1];
      } else if (c == '%' && i + 2 < n) {
        int v = hex2(in, i + 1);
        if (v >= 0x20 && v < 0x7f) {
          decoded = v;
          used = 3;
        }
      } else if (c == '&') {
        int[] ent = HtmlEntities.decode(in, i);
        decoded = ent[0];
        used = ent[1];
      }
      decoded = fold(decoded, in, i);
      if (decoded >= 0) {
        origin[out.length()] = i;
        out.append((char) decoded);
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && isTag(in.codePointAt(i))) {
        used = 2;
      }
      i += used;
    }
    origin[out.length()] = n;
    int[] trimmed = java.util.Arrays.copyOf(origin, out.length() + 1);
    return new NormalizedText(out.toString(), trimmed);
  }

  /** Whether {@code in} holds anything {@link #normalize} would change. */
  private static boolean needsWork(String in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      char c = in.charAt(i);
      if (c == '\\' || c == '%' || c == '&' || c >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /** Maps one char to what matching should see; -1 drops it. */
  private static int fold(int c, String in, int i) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      return c - 0xFEE0; // full-width ASCII
    }
    return switch (c) {
      case 0x00A0, 0x2007, 0x202F, 0x3000, 0x2002, 0x2003, 0x2009 -> ' ';
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212 -> '-';
      case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E -> -1;
      default -> {
        if (Character.isSurrogate((char) c) && c == in.charAt(i)) {
          yield isTag(in.codePointAt(Character.isLowSurrogate((char) c) ? i - 1 : i)) ? -1 : c;
        }
        yield c;
      }
    };
  }

  private static boolean isTag(int codePoint) {
    return codePoint >= 0xE0000 && codePoint <= 0xE007F;
  }

  /** A JSON escape at {@code i}: {decoded char, chars used}; an unknown escape is kept as is. */
  private static int[] jsonEscape(String in, int i) {
    char e = in.charAt(i + 1);
    return switch (e) {
      case 'n' -> new int[] {'\n', 2};
      case 't' -> new int[] {'\t', 2};
      case 'r' -> new int[] {'\r', 2};
      case 'b', 'f' -> new int[] {' ', 2};
      case '"', '\\', '/' -> new int[] {e, 2};
      case 'u' -> {
        int v = i + 6 <= in.length() ? hex4(in, i + 2) : -1;
        yield v < 0 ? new int[] {'\\', 1} : new int[] {v, 6};
      }
      default -> new int[] {'\\', 1};
    };
  }

  private static int hex4(String in, int at) {
    int hi = hex2(in, at);
    int lo = hex2(in, at + 2);
    return hi < 0 || lo < 0 ? -1 : hi << 8 | lo;
  }

  static int hex2(String in, int at) {
    if (at + 2 > in.length()) {
      return -1;
    }
    int a = Character.digit(in.charAt(at), 16);
    int b = Character.digit(in.charAt(at + 1), 16);
    return a < 0 || b < 0 ? -1 : a << 4 | b;
  }
}
