package dev.warden.inspect.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** JWT shape check: the header segment decodes to JSON naming an algorithm. */
final class Jwts {
  private Jwts() {}

  static boolean headerHasAlg(String token) {
    String header = token.substring(0, token.indexOf('.'));
    try {
      String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
      return json.startsWith("{") && json.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
