package dev.warden.config;

/** How Warden reaches an upstream server; the config spells these in kebab-case. */
public enum Transport {
  STREAMABLE_HTTP("streamable-http"),
  SSE("sse"),
  STDIO("stdio"),
  OPENAPI("openapi");

  private final String key;

  Transport(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Transport fromKey(String key) {
    for (Transport t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + key + "'");
  }
}
