package dev.warden.identity;

import dev.warden.config.AgentConfig;
import dev.warden.config.Secret;
import dev.warden.pipeline.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agents by the SHA-256 of their API keys. Only digests are kept, so a heap dump holds no key, and
 * a lookup compares digests of equal length whatever the presented key.
 */
public final class AgentDirectory {
  private static final MessageDigest SHA256 = newSha256();

  private final Map<String, Principal> byDigest = new HashMap<>();
  private final Map<String, String> userHeaders = new HashMap<>();

  public AgentDirectory(List<AgentConfig> agents) {
    for (AgentConfig a : agents) {
      Principal p = new Principal(a.id(), Set.copyOf(a.personas()));
      a.userHeader().ifPresent(h -> userHeaders.put(a.id(), h));
      for (Secret key : a.keys()) {
        add(sha256(key.reveal()), p);
      }
      for (String digest : a.keySha256()) {
        add(digest.toLowerCase(java.util.Locale.ROOT), p);
      }
    }
  }

  private void add(String digest, Principal p) {
    Principal previous = byDigest.putIfAbsent(digest, p);
    if (previous != null && !previous.agent().equals(p.agent())) {
      throw new IllegalArgumentException(
          "agents '" + previous.agent() + "' and '" + p.agent() + "' share an API key");
    }
  }

  /** The agent holding this API key. */
  public Optional<Principal> byKey(String key) {
    return Optional.ofNullable(byDigest.get(sha256(key)));
  }

  /** The header in which {@code agent}'s platform names the end user, if it has one. */
  public Optional<String> userHeader(String agent) {
    return Optional.ofNullable(userHeaders.get(agent));
  }

  public static String sha256(String value) {
    // Cloning a digest skips the provider lookup getInstance does on every request.
    MessageDigest md;
    try {
      md = (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      md = newSha256();
    }
    return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
