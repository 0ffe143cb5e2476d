package dev.warden.mcp;

import dev.warden.config.SessionsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals {@link SessionClaims} into a downstream session id and opens them again. A session id is
 * base64url (no padding) of: format byte, key id length, key id, 12-byte nonce, then the claims
 * encrypted with AES-256-GCM under that key, the clear header as associated data. So any replica
 * holding the key can rebuild a session without a shared table, and nobody without it can read or
 * forge one. The first key seals; every key opens, so keys rotate without ending sessions. Task ids
 * handed to 2026-07-28 clients ({@link TaskClaims}) are sealed the same way under another format
 * byte.
 */
public final class SessionTokens {
  static final byte FORMAT = 1;
  static final byte TASK_FORMAT = 2;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  /** Replicas' clocks may differ this much; a token issued further in the future is refused. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final int MAX_TOKEN_CHARS = 512;
  private static final int MAX_TASK_CHARS = 2048;
  private static final String LOCAL_KEY_ID = "local";
  private static final byte[] HKDF_SALT =
      "warden session id sealing key".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Key(String id, SecretKeySpec aes) {}

  private final Key sealing;
  private final Map<String, Key> byId;
  private final Optional<Duration> maxAge;
  private final boolean shared;
  private final Clock clock;

  private SessionTokens(List<Key> keys, Optional<Duration> maxAge, boolean shared, Clock clock) {
    this.sealing = keys.getFirst();
    Map<String, Key> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k.id(), k));
    this.byId = Map.copyOf(map);
    this.maxAge = maxAge;
    this.shared = shared;
    this.clock = clock;
  }

  /**
   * Tokens for {@code config}: its keys, shared with every replica configured alike, or without
   * keys a random key known only to this process.
   */
  public static SessionTokens from(SessionsConfig config, Clock clock) {
    if (config.keys().isEmpty()) {
      return local(config.maxAge(), clock);
    }
    List<Key> keys = new ArrayList<>();
    for (SessionsConfig.Key k : config.keys()) {
      keys.add(key(k.id(), derive(k.id(), k.secret().reveal().getBytes(StandardCharsets.UTF_8))));
    }
    return new SessionTokens(keys, config.maxAge(), true, clock);
  }

  /** A random key made now, so session ids open only in this process. */
  public static SessionTokens local(Optional<Duration> maxAge, Clock clock) {
    byte[] material = new byte[32];
    RANDOM.nextBytes(material);
    return new SessionTokens(List.of(key(LOCAL_KEY_ID, material)), maxAge, false, clock);
  }

  /** Whether other processes hold the keys, so a session unknown here may be resumed. */
  public boolean shared() {
    return shared;
  }

  public Instant now() {
    return clock.instant();
  }

  /** When a session issued at {@code issuedAt} stops being valid; empty without a max-age. */
  public Optional<Instant> expiry(Instant issuedAt) {
    return maxAge.map(issuedAt::plus);
  }

  /** Whether a session issued at {@code issuedAt} is still valid now. */
  public boolean fresh(Instant issuedAt) {
    Instant now = clock.instant();
    if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
      return false;
    }
    return maxAge.map(age -> !now.isAfter(issuedAt.plus(age))).orElse(true);
  }

  /** The session id for {@code claims}, sealed with the first key. */
  public String seal(SessionClaims claims) {
    return seal(FORMAT, claims.encode());
  }

  /**
   * The claims sealed in {@code token}, or empty when it is malformed, sealed with a key not held
   * here, altered in any way, or no longer valid (max-age).
   */
  public Optional<SessionClaims> open(String token) {
    return open(FORMAT, token, MAX_TOKEN_CHARS)
        .flatMap(SessionClaims::decode)
        .filter(c -> fresh(c.issuedAt()));
  }

  /**
   * The task id for {@code claims}, sealed with the first key. Its format byte differs from a
   * session id's, and the format byte is authenticated, so neither can stand in for the other.
   */
  public String sealTask(TaskClaims claims) {
    return seal(TASK_FORMAT, claims.encode());
  }

  /**
   * The claims sealed in a task id, or empty when it is malformed, sealed with a key not held here,
   * altered in any way, or issued further in the future than the clock skew allows. Session max-age
   * does not apply: a task lives as long as its server keeps it.
   */
  public Optional<TaskClaims> openTask(String token) {
    return open(TASK_FORMAT, token, MAX_TASK_CHARS)
        .flatMap(TaskClaims::decode)
        .filter(c -> !c.issuedAt().isAfter(clock.instant().plus(CLOCK_SKEW)));
  }

  private String seal(byte format, byte[] plain) {
    byte[] header = header(format, sealing.id());
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealing.aes(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      byte[] sealed = cipher.doFinal(plain);
      ByteBuffer out = ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length);
      out.put(header).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The plain bytes sealed in {@code token} under {@code format}, when it opens here. */
  private Optional<byte[]> open(byte format, String token, int maxChars) {
    byte[] bytes = decode(token, maxChars);
    if (bytes == null || bytes.length < 2 || bytes[0] != format) {
      return Optional.empty();
    }
    int idLength = bytes[1] & 0xff;
    int headerLength = 2 + idLength;
    if (bytes.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    String keyId = new String(bytes, 2, idLength, StandardCharsets.US_ASCII);
    Key key = byId.get(keyId);
    if (key == null) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.aes(),
          new GCMParameterSpec(TAG_BITS, bytes, headerLength, NONCE_BYTES));
      cipher.updateAAD(bytes, 0, headerLength);
      int start = headerLength + NONCE_BYTES;
      return Optional.of(cipher.doFinal(bytes, start, bytes.length - start));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The token's bytes, or null unless it is canonical unpadded base64url of a sane length. */
  private static byte[] decode(String token, int maxChars) {
    if (token.isEmpty() || token.length() > maxChars) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
    // Unused low bits of the last character would let two spellings name one session.
    String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return canonical.equals(token) ? bytes : null;
  }

  private static byte[] header(byte format, String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = format;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  private static Key key(String id, byte[] material) {
    return new Key(id, new SecretKeySpec(material, "AES"));
  }

  /**
   * The AES-256 key for a configured secret: HKDF-SHA256 (RFC 5869) with a fixed salt and the key
   * id as info, so one secret reused under two ids still gives two keys.
   */
  static byte[] derive(String keyId, byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
      byte[] prk = mac.doFinal(secret);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(("warden-session-v1:" + keyId).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 1);
      byte[] okm = mac.doFinal();
      Arrays.fill(prk, (byte) 0);
      return okm;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
