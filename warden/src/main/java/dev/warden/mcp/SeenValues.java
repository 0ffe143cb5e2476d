package dev.warden.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Keyed fingerprints of sensitive values a session has been shown, each with the trust rank of the
 * highest server it came from. Never the values themselves. Bounded: the least recently used
 * fingerprint goes first.
 */
public final class SeenValues {
  /** Fingerprints kept per session. */
  public static final int MAX = 10_000;

  private final int max;
  private final LinkedHashMap<String, Integer> ranks;

  public SeenValues() {
    this(MAX);
  }

  public SeenValues(int max) {
    this.max = max;
    this.ranks =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > SeenValues.this.max;
          }
        };
  }

  /** Remembers a fingerprint seen from a server of {@code rank}; the highest rank is kept. */
  public synchronized void remember(String fingerprint, int rank) {
    ranks.merge(fingerprint, rank, Math::max);
  }

  /** The rank a fingerprint was seen at, if it was. */
  public synchronized OptionalInt rank(String fingerprint) {
    Integer r = ranks.get(fingerprint);
    return r == null ? OptionalInt.empty() : OptionalInt.of(r);
  }

  public synchronized int size() {
    return ranks.size();
  }
}
