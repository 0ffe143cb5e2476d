package dev.warden.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Bounded base64 decoding: long base64 tokens whose content is readable text are decoded once
 * (never recursively) and scanned; what is found inside is reported over the whole token.
 */
final class Base64Layer {
  private static final int MIN = 24;
  private static final int MAX = 16_384;
  private static final int MAX_TOKENS = 64;

  private Base64Layer() {}

  static void scan(String s, DetectionEngine engine, List<Finding> out) {
    scan(s, s.toCharArray(), engine, out);
  }

  /** {@link #scan(String, DetectionEngine, List)} with the chars of {@code text} in {@code s}. */
  static void scan(String text, char[] s, DetectionEngine engine, List<Finding> out) {
    int n = text.length();
    int tokens = 0;
    int i = 0;
    while (i < n && tokens < MAX_TOKENS) {
      if (!isBase64(s[i])) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && isBase64(s[end])) {
        end++;
      }
      int len = end - i;
      if (len >= MIN && len <= MAX && (i == 0 || s[i - 1] != '.') && !hexOnly(s, i, end)) {
        String decoded = decode(text.substring(i, end));
        if (decoded != null) {
          tokens++;
          for (Finding f : engine.scanNormalized(decoded, false)) {
            out.add(f.at(i, end));
          }
        }
      }
      i = end;
    }
  }

  private static String decode(String token) {
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

  private static boolean isBase64(char c) {
    return c < 128 && BASE64[c];
  }

  /** Hashes, UUIDs and hex ids decode to binary: not worth a decoding attempt. */
  private static boolean hexOnly(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (!(c < 128 && HEX_OR_DASH[c])) {
        return false;
      }
    }
    return true;
  }
}
