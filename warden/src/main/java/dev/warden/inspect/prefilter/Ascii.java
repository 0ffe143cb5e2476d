package dev.warden.inspect.prefilter;

import java.nio.charset.StandardCharsets;

/**
 * A text as the bytes the scanning passes walk: each char below 128 as itself, every other char as
 * {@link #OTHER}, the one negative value, except an unpaired surrogate (malformed UTF-16), which
 * reads as {@code ?} as the UTF-8 encoder writes it. No keyword, digit or letter the passes look
 * for is outside ASCII (normalisation folds the look-alikes first), so they need no wider view; a
 * byte is half a char to copy and to read, and a text of ASCII only is copied as it is stored.
 */
public final class Ascii {
  /**
   * What every char of 128 and above reads as: {@code (byte) 0x80}, or {@code '\u0080'} widened.
   */
  public static final byte OTHER = (byte) 0x80;

  private Ascii() {}

  /**
   * The bytes of {@code s}, or null when it holds a char of 128 or above other than an unpaired
   * surrogate.
   */
  public static byte[] exactly(String s) {
    // UTF-8 copies a string stored as Latin-1 without a byte of 128 or more at once, and every
    // other char but an unpaired surrogate takes more than one byte: the length tells.
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return bytes.length == s.length() ? bytes : null;
  }

  /** The bytes of {@code s}: see the class comment. */
  public static byte[] of(CharSequence s) {
    int n = s.length();
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      bytes[i] = c < 128 ? (byte) c : unpaired(s, i) ? (byte) '?' : OTHER;
    }
    return bytes;
  }

  private static boolean unpaired(CharSequence s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /** The char {@code b} stands for: itself, or {@code '\u0080'} for {@link #OTHER}. */
  public static char charOf(byte b) {
    return (char) (b & 0xFF);
  }
}
