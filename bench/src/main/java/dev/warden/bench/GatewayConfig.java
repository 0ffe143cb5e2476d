package dev.warden.bench;

import java.util.List;
import java.util.stream.Collectors;

/** The gateway configuration of a benchmark run, in the YAML format of {@code warden serve}. */
final class GatewayConfig {
  static final String SERVER = "fast";

  /** The stdio server, added when a stdio case runs: FastUpstream started by the gateway. */
  static final String STDIO_SERVER = "fastio";

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
    return yaml(port, adminPort, upstreamPort, storage, audit, inspection, List.of());
  }

  /**
   * As above; a non-empty {@code stdioCommand} adds server {@link #STDIO_SERVER} ({@code transport:
   * stdio}, started with the gateway), whose tools the persona may call too.
   */
  static String yaml(
      int port,
      int adminPort,
      int upstreamPort,
      String storage,
      boolean audit,
      boolean inspection,
      List<String> stdioCommand) {
    String base = base(port, adminPort, upstreamPort, storage);
    if (!stdioCommand.isEmpty()) {
      String command =
          stdioCommand.stream().map(GatewayConfig::quoted).collect(Collectors.joining(", "));
      base =
          base.replace(
                  "\npersonas:\n",
                  """

                    - id: %s
                      transport: stdio
                      command: [%s]
                      start: boot
                  personas:
                  """
                      .formatted(STDIO_SERVER, command))
              .replace(
                  "tools: [\"" + SERVER + "__*\"]",
                  "tools: [\"" + SERVER + "__*\", \"" + STDIO_SERVER + "__*\"]");
    }
    return base
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

  /** A {@code limits} section setting {@code event-loops}; none for a negative count. */
  static String limits(int eventLoops) {
    return eventLoops < 0 ? "" : "limits:\n  event-loops: " + eventLoops + "\n";
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
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
