package dev.warden.config;

import java.util.List;

/** The admin listener: admin API, /metrics, /healthz. Tokens guard /admin/api/v1. */
public record AdminConfig(HostPort listen, List<Secret> tokens) {
  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8081);

  public AdminConfig {
    tokens = List.copyOf(tokens);
  }
}
