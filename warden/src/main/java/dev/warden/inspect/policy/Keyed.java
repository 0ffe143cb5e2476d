package dev.warden.inspect.policy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 digests: tokens that replace values, fingerprints that remember them. */
final class Keyed {
  private static final HexFormat HEX = HexFormat.of();
  private final Mac prototype;

  Keyed(byte[] key) {
    try {
      prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A key of 32 random bytes, for this process only. */
  static Keyed random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new Keyed(key);
  }

  /** {@code tok_} and 20 hex digits: stable for one key, type and value. */
  String token(String type, String value) {
    return "tok_" + HEX.formatHex(digest(type + ":" + value), 0, 10);
  }

  /**
   * A fingerprint of a value, blind to spacing, dashes and case, so {@code 4111 1111…} and {@code
   * 4111-1111…} are the same value.
   */
  String fingerprint(String value) {
    StringBuilder canonical = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c) && c != '-') {
        canonical.append(c);
      }
    }
    return HEX.formatHex(digest(canonical.toString().toLowerCase(Locale.ROOT)), 0, 16);
  }

  private byte[] digest(String input) {
    try {
      Mac mac = (Mac) prototype.clone();
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's HMAC can be cloned", e);
    }
  }
}
