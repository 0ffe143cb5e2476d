package dev.warden.bench;

/** The gateway configuration of a benchmark run, in the YAML format of {@code warden serve}. */
final class GatewayConfig {
  static final String SERVER = "fast";
  static final String PERSONA = "bench";
  static final String KEY_ENV = "BENCH_KEY";
  static final String ADMIN_TOKEN_ENV = "BENCH_ADMIN_TOKEN";

  private GatewayConfig() {}

  /**
   * One upstream, one persona allowed every tool of it, one agent holding that persona. With {@code
   * audit} or {@code inspection} false, the audit trail or the sensitive-data rules are turned off
   * (a catch-all {@code allow}) to see what they cost; both true is the shipped default.
   */
  static String yaml(
      int port,
      int adminPort,
      int upstreamPort,
      String storage,
      boolean audit,
      boolean inspection) {
    return base(port, adminPort, upstreamPort, storage)
        + (audit ? "" : "audit:\n  enabled: false\n")
        + (inspection
            ? ""
            : """
              data-protection:
                rules:
                  - id: bench-allow-all
                    action: allow
              """);
  }

  private static String base(int port, int adminPort, int upstreamPort, String storage) {
    return """
        # Written by dev.warden.bench.LoadBenchmark for one benchmark run.
        listen: 127.0.0.1:%d
        admin:
          listen: 127.0.0.1:%d
          tokens: ["${env:%s}"]
        storage: %s
        servers:
          - id: %s
            transport: streamable-http
            url: http://127.0.0.1:%d/mcp
        personas:
          - id: %s
            description: Load benchmark persona; may call every tool of the fast upstream.
            tools: ["%s__*"]
        agents:
          - id: bench-agent
            personas: [%s]
            keys: ["${env:%s}"]
        """
        .formatted(
            port,
            adminPort,
            ADMIN_TOKEN_ENV,
            storage,
            SERVER,
            upstreamPort,
            PERSONA,
            SERVER,
            PERSONA,
            KEY_ENV);
  }
}
