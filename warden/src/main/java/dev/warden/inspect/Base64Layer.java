package dev.warden.inspect;

import dev.warden.inspect.prefilter.Ascii;
import dev.warden.mcp.VectorApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Bounded base64 decoding: long base64 tokens whose content is readable text are decoded once
 * (never recursively) and scanned; what is found inside is reported over the whole token.
 */
final class Base64Layer {
  /** The shortest run worth decoding. */
  static final int MIN = 24;

  /**
   * Whether the long runs are found 64 bytes at a time with SIMD compares ({@link VectorRuns}):
   * with {@code --add-modules jdk.incubator.vector}, on a CPU with vectors of 16 bytes or more.
   */
  static final boolean SIMD = VectorApi.usable(() -> VectorRuns.worthwhile());

  private static final int MAX = 16_384;
  private static final int MAX_TOKENS = 64;

  private Base64Layer() {}

  static void scan(String s, DetectionEngine engine, List<Finding> out) {
    scan(s, Ascii.of(s), engine, out);
  }

  /** {@link #scan(String, DetectionEngine, List)} with {@code text} in its {@link Ascii} view. */
  static void scan(String text, byte[] s, DetectionEngine engine, List<Finding> out) {
    int n = text.length();
    int tokens = 0;
    VectorRuns.Finder blocks = SIMD ? new VectorRuns.Finder(s, n) : null;
    int i = 0;
    long span;
    while (tokens < MAX_TOKENS && (span = blocks != null ? blocks.next() : probe(s, n, i)) >= 0) {
      i = (int) (span >>> 32);
      int end = (int) span;
      // "trace=<hex>" and the like: '=' inside the run, no decoding can work; a random token
      // decodes to binary: neither is copied.
      String decoded =
          paddingFits(s, i, end) && mayBeText(s, i, end) ? decode(text.substring(i, end)) : null;
      if (decoded != null) {
        tokens++;
        for (Finding f : engine.scanNormalized(decoded, false)) {
          out.add(f.at(i, end));
        }
      }
      i = end;
    }
  }

  /**
   * The start of the next run of base64 chars at or after {@code from} that is worth decoding
   * ({@link #MIN} to {@link #MAX} long, not after a dot, not hex), or -1; {@code from} must start
   * the text or follow a char that is not base64. A run of {@link #MIN} or more starting in {@code
   * [i, i + MIN)} holds {@code s[i + MIN - 1]}: where that char is not base64, the whole stretch is
   * skipped after one look, so the walk reads about one char in {@link #MIN} of ordinary text.
   */
  static int nextRun(byte[] s, int n, int from) {
    long span = probe(s, n, from);
    return span < 0 ? -1 : (int) (span >>> 32);
  }

  /** The run {@link #nextRun} finds, as {@code start << 32 | end}, or -1. */
  static long probe(byte[] s, int n, int from) {
    int i = from;
    while (i + MIN <= n) {
      int probe = i + MIN - 1;
      if (!isBase64(s[probe])) {
        i = probe + 1;
        continue;
      }
      // Back from the probe: a char that is not base64 at q means the run through the probe
      // starts at q + 1, and reaches MIN chars only if it goes on to q + MIN, where the next
      // probe looks. Otherwise s[i, probe] are all base64: a run of MIN starts at i (s[i - 1] is
      // not base64), and a walk on finds its end. Eight chars at a time, without a branch per
      // char: most probes fall in a short word, whose start the first eight chars hold.
      int q = lastNonBase64(s, i, probe);
      if (q >= i) {
        i = q + 1;
        continue;
      }
      int start = i;
      int end = runEnd(s, n, probe + 1);
      if (worthDecoding(s, start, end)) {
        return (long) start << 32 | end;
      }
      i = end; // s[end] is not base64 (or the text ends): the next run starts after it
    }
    return -1;
  }

  /** Every run {@link #nextRun} finds, walking char by char: the reference it is tested against. */
  static int straightforwardNextRun(byte[] s, int n, int from) {
    int i = from;
    while (i < n) {
      if (!isBase64(s[i])) {
        i++;
        continue;
      }
      int end = runEnd(s, n, i);
      if (end - i >= MIN && worthDecoding(s, i, end)) {
        return i;
      }
      i = end;
    }
    return -1;
  }

  /** The last index in {@code [from, to)} whose char is not base64, or {@code from - 1}. */
  private static int lastNonBase64(byte[] s, int from, int to) {
    int q = to; // s[q, to) are base64
    while (q - 8 >= from) {
      int run = Long.numberOfLeadingZeros(~base64s(Swar.read(s, q - 8)) & Swar.HIGH) >>> 3;
      q -= run;
      if (run < 8) {
        return q - 1;
      }
    }
    while (q > from && isBase64(s[q - 1])) {
      q--;
    }
    return q - 1;
  }

  /**
   * The high bit of each of the eight bytes in {@code x} that is a base64 char: a letter, a digit,
   * or one of {@code + / = - _} (of 0x2B to 0x2F, the odd ones). Each byte is summed below 0x80, so
   * none carries into another; a byte of 0x80 or more is none.
   */
  static long base64s(long x) {
    long digit = Swar.between(x, '0', '9');
    long letter = Swar.between(x | 0x2020202020202020L, 'a', 'z'); // | 0x20: upper case to lower
    long plusDashSlash = Swar.between(x, '+', '/') & x << 7; // bit 0 of a byte to its bit 7
    return digit | letter | plusDashSlash | Swar.equal(x, '=') | Swar.equal(x, '_');
  }

  static int runEnd(byte[] s, int n, int from) {
    int end = from;
    while (end < n && isBase64(s[end])) {
      end++;
    }
    return end;
  }

  static boolean worthDecoding(byte[] s, int start, int end) {
    return end - start <= MAX && (start == 0 || s[start - 1] != '.') && !hexOnly(s, start, end);
  }

  /**
   * What {@link #decode} checks first, read in place: padding only in the last two chars, and a
   * body whose length leaves no single char over.
   */
  static boolean paddingFits(byte[] s, int from, int to) {
    int pad = from;
    while (pad < to && s[pad] != '=') {
      pad++;
    }
    int length = to - from;
    int body = pad - from;
    return body % 4 != 1 && (pad == to || body >= length - 2);
  }

  /**
   * Whether the token {@code s[from, to)} (its padding fits) may decode to text, as {@link #decode}
   * requires: each byte of text below 0x80 makes the first char of its group of four one of the
   * values 0 to 31 ({@code A}–{@code Z}, {@code a}–{@code f}), so more other group starts than the
   * 5 % of non-text bytes decode allows mean binary, without decoding.
   */
  static boolean mayBeText(byte[] s, int from, int to) {
    int pad = from;
    while (pad < to && s[pad] != '=') {
      pad++;
    }
    int body = pad - from;
    int bytes = body * 3 / 4;
    int high = 0; // group starts that make a byte of 0x80 or more
    for (int i = from; i < pad; i += 4) {
      byte c = s[i];
      high += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'f') ? 0 : 1;
    }
    return high * 100 <= bytes * 5;
  }

  static String decode(String token) {
    String t = token.replace('-', '+').replace('_', '/');
    int pad = t.indexOf('=');
    String body = pad < 0 ? t : t.substring(0, pad);
    if (body.length() % 4 == 1 || pad >= 0 && pad < t.length() - 2) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int printable = 0;
    for (byte b : bytes) {
      if ((b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t') {
        printable++;
      }
    }
    return printable * 100 >= bytes.length * 95 ? new String(bytes, StandardCharsets.UTF_8) : null;
  }

  private static final boolean[] BASE64 = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      BASE64[c] =
          CandidateCutter.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
    }
  }

  private static final boolean[] HEX_OR_DASH = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      HEX_OR_DASH[c] = Character.digit(c, 16) >= 0 || c == '-';
    }
  }

  private static boolean isBase64(byte c) {
    return c >= 0 && BASE64[c];
  }

  /** Hashes, UUIDs and hex ids decode to binary: not worth a decoding attempt. */
  private static boolean hexOnly(byte[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = s[i];
      if (!(c >= 0 && HEX_OR_DASH[c])) {
        return false;
      }
    }
    return true;
  }
}
