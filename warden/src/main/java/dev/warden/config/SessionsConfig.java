package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sessions:} section: keys that seal downstream session ids, so every replica holding
 * them can resume a session another replica opened.
 *
 * @param keys the first key seals new session ids, every key opens them (rotation); empty: a random
 *     key made at start, known to this process only
 * @param maxAge how long a session id stays valid after it was issued; empty for no limit
 */
public record SessionsConfig(List<Key> keys, Optional<Duration> maxAge) {
  /** One sealing key: {@code id} travels in clear in each session id, {@code secret} never. */
  public record Key(String id, Secret secret) {}

  public static final SessionsConfig DEFAULT = new SessionsConfig(List.of(), Optional.empty());

  public SessionsConfig {
    keys = List.copyOf(keys);
  }
}
