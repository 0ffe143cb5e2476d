package dev.warden.admin;

import dev.warden.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The admin tokens, kept only as SHA-256 digests. Comparing digests with {@link
 * MessageDigest#isEqual} takes the same time whatever the presented token shares with a real one,
 * and hashing first hides the real tokens' lengths too.
 */
final class AdminTokens {
  private static final String BEARER = "bearer ";

  private final List<byte[]> digests;

  AdminTokens(List<Secret> tokens) {
    // A blank token (an unset ${env:…}) would let "Bearer " in; it counts as no token.
    this.digests =
        tokens.stream()
            .map(Secret::reveal)
            .filter(t -> !t.isBlank())
            .map(AdminTokens::sha256)
            .toList();
  }

  /** Whether any token is configured; without one the admin API is closed. */
  boolean configured() {
    return !digests.isEmpty();
  }

  /** Whether an {@code Authorization} header value carries one of the tokens. */
  boolean accepts(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    String presented = authorization.substring(BEARER.length()).strip();
    if (presented.isEmpty()) {
      return false;
    }
    byte[] digest = sha256(presented);
    boolean match = false;
    for (byte[] known : digests) {
      // No early exit: which token matched must not show in the timing either.
      match |= MessageDigest.isEqual(known, digest);
    }
    return match;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
