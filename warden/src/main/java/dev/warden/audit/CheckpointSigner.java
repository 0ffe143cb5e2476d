package dev.warden.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks {@link Checkpoint}s with HMAC-SHA256 under the configured checkpoint key. */
public final class CheckpointSigner {
  private static final HexFormat HEX = HexFormat.of();
  private final SecretKeySpec key;

  public CheckpointSigner(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("the checkpoint key is empty");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public Checkpoint sign(long seq, String hash, long timeMillis) {
    return new Checkpoint(seq, hash, timeMillis, mac(seq, hash, timeMillis));
  }

  public boolean verify(Checkpoint c) {
    return MessageDigest.isEqual(
        c.mac().getBytes(StandardCharsets.US_ASCII),
        mac(c.seq(), c.hash(), c.timeMillis()).getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(long seq, String hash, long timeMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String text = "warden-checkpoint-v1\n" + seq + "\n" + hash + "\n" + timeMillis;
      return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
