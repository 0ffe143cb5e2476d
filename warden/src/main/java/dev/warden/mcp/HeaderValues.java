package dev.warden.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Header values of the 2026-07-28 transport. A value that cannot travel as plain ASCII (non-ASCII,
 * control characters, surrounding whitespace) is sent as {@code =?base64?{UTF-8 bytes}?=}.
 */
public final class HeaderValues {
  static final String PREFIX = "=?base64?";
  static final String SUFFIX = "?=";

  private HeaderValues() {}

  /** The value a header carries: decoded when in the base64 form; null when absent or malformed. */
  public static String decode(String header) {
    if (header == null) {
      return null;
    }
    if (!header.startsWith(PREFIX)
        || !header.endsWith(SUFFIX)
        || header.length() < PREFIX.length() + SUFFIX.length()) {
      return header;
    }
    String encoded = header.substring(PREFIX.length(), header.length() - SUFFIX.length());
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return null;
    }
  }

  /**
   * A value as a header carries it: as it is when it is visible ASCII with no spaces, otherwise in
   * the base64 form (which any value may use).
   */
  public static String encode(String value) {
    boolean plain = !value.isEmpty() && !value.startsWith(PREFIX);
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c > 0x20 && c < 0x7f;
    }
    return plain
        ? value
        : PREFIX
            + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
            + SUFFIX;
  }
}
