package dev.warden.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Warden-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code
 * "<t>.<body>"}, keyed with the webhook's secret. Signing the time with the body lets a receiver
 * refuse old deliveries replayed at it.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Warden-Signature";

  private WebhookSignature() {}

  public static String header(byte[] secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
  }

  static byte[] mac(byte[] secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
