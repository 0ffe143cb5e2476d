package dev.warden.config;

/**
 * Which protocol era Warden speaks to a streamable-http server; the config spells these as the
 * revision names, or {@code auto}.
 */
public enum UpstreamProtocol {
  /** Probe with {@code server/discover} once, fall back to initialize when it is not understood. */
  AUTO("auto"),
  /** The stateful era: initialize, Mcp-Session-Id, server-to-client requests on SSE streams. */
  STATEFUL("2025-11-25"),
  /** The stateless era: per-request {@code _meta}, server/discover, input_required results. */
  STATELESS("2026-07-28");

  private final String key;

  UpstreamProtocol(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static UpstreamProtocol fromKey(String key) {
    for (UpstreamProtocol p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown protocol '" + key + "'");
  }
}
