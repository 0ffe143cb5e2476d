package dev.warden.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Header values of the 2026-07-28 transport. A value that cannot travel as plain ASCII (non-ASCII,
 * control characters, surrounding whitespace) is sent as {@code =?base64?{UTF-8 bytes}?=}.
 */
final class HeaderValues {
  static final String PREFIX = "=?base64?";
  static final String SUFFIX = "?=";

  private HeaderValues() {}

  /** The value a header carries: decoded when in the base64 form; null when absent or malformed. */
  static String decode(String header) {
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
}
