package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void rejectsMalformedIds() {
    assertThat(
            loader.problems(
                """
                servers:
                  - { id: Tickets, transport: stdio, command: [a] }
                  - { id: a__b, transport: stdio, command: [a] }
                  - { id: -a, transport: stdio, command: [a] }
                  - { id: abcdefghij-abcdefghij-abcdefghij-x, transport: stdio, command: [a] }
                  - { transport: stdio, command: [a] }
                """))
        .extracting(p -> p.substring(0, p.indexOf(".id: ") + ".id".length()))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].id",
            "conf/warden.yaml:3: servers[1].id",
            "conf/warden.yaml:4: servers[2].id",
            "conf/warden.yaml:5: servers[3].id",
            "conf/warden.yaml:6: servers[4].id");
  }

  @Test
  void rejectsDuplicateIdsAtTheSecondOne() {
    assertThat(
            loader.problems(
                """
                servers:
                  - { id: a, transport: stdio, command: [a] }
                  - { id: a, transport: stdio, command: [a] }
                """))
        .containsExactly("conf/warden.yaml:3: servers[1].id: duplicate id 'a' (first at line 2)");
  }

  @Test
  void requiresTransportAndNamesTheChoices() {
    assertThat(loader.problems("servers:\n  - id: a\n"))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].transport: is required: one of streamable-http, sse,"
                + " stdio, openapi");
  }

  @Test
  void requiresAbsoluteHttpUrlForHttpTransports() {
    assertThat(
            loader.problems(
                """
                servers:
                  - id: a
                    transport: streamable-http
                  - id: b
                    transport: sse
                    url: /relative/mcp
                  - id: c
                    transport: openapi
                    url: ftp://files.example/
                  - id: d
                    transport: streamable-http
                    url: https://user:pw@d.example/mcp
                """))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].url: is required for transport streamable-http",
            "conf/warden.yaml:6: servers[1].url: must be an absolute http:// or https:// URL",
            "conf/warden.yaml:9: servers[2].url: must be an absolute http:// or https:// URL",
            "conf/warden.yaml:12: servers[3].url: must not hold credentials; put them in headers"
                + " with ${env:…}");
  }

  @Test
  void rejectsCommandAsShellLine() {
    assertThat(
            loader.problems("servers:\n  - id: a\n    transport: stdio\n    command: node a.js\n"))
        .containsExactly(
            "conf/warden.yaml:4: servers[0].command: must be an argument array like [node, a.js],"
                + " never a shell line");
  }

  @Test
  void keepsStdioKeysToStdioAndUrlToTheOthers() {
    assertThat(
            loader.problems(
                """
                servers:
                  - id: a
                    transport: stdio
                    url: http://a/
                    headers: { X-A: b }
                  - id: b
                    transport: streamable-http
                    url: http://b/
                    command: [b]
                    env: { B: c }
                  - id: c
                    transport: stdio
                    command: []
                  - id: d
                    transport: stdio
                """))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].command: is required for transport stdio: an argument"
                + " array like [node, a.js]",
            "conf/warden.yaml:4: servers[0].url: is not used by transport stdio; give command:"
                + " instead",
            "conf/warden.yaml:5: servers[0].headers: is not used by transport stdio (there is no"
                + " HTTP request)",
            "conf/warden.yaml:9: servers[1].command: is only used by transport stdio",
            "conf/warden.yaml:10: servers[1].env: is only used by transport stdio",
            "conf/warden.yaml:13: servers[2].command: must not be empty; the first item is the"
                + " program to run",
            "conf/warden.yaml:14: servers[3].command: is required for transport stdio: an"
                + " argument array like [node, a.js]");
  }

  @Test
  void rejectsInvalidHeaderAndEnvironmentNames() {
    assertThat(
            loader.problems(
                """
                servers:
                  - id: a
                    transport: sse
                    url: http://a/
                    headers:
                      "Bad Header": x
                  - id: b
                    transport: stdio
                    command: [b]
                    env:
                      1BAD: x
                """))
        .containsExactly(
            "conf/warden.yaml:6: servers[0].headers.Bad Header: is not a valid header name"
                + " (letters, digits, !#$%&'*+-.^_`|~)",
            "conf/warden.yaml:11: servers[1].env.1BAD: is not a valid environment variable name"
                + " ([A-Za-z_][A-Za-z0-9_]*)");
  }

  @Test
  void readsTimeoutsAndRejectsUnknownUnits() throws ConfigException {
    String yaml =
        """
        servers:
          - id: a
            transport: sse
            url: http://a/
            timeout: 2h
            connect-timeout: 250ms
        """;
    ServerConfig server = loader.parse(yaml).servers().getFirst();
    assertThat(server.timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(server.connectTimeout()).isEqualTo(Duration.ofMillis(250));

    assertThat(loader.problems(yaml.replace("2h", "2 days").replace("250ms", "0s")))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].timeout: " + Durations.FORMS,
            "conf/warden.yaml:6: servers[0].connect-timeout: must be greater than zero");
  }

  @Test
  void readsProcessOptionsOfStdioServers() throws ConfigException {
    String yaml =
        """
        servers:
          - id: a
            transport: stdio
            command: [a]
            start: boot
            stateless: true
            pool: 3
          - id: b
            transport: stdio
            command: [b]
        """;
    var servers = loader.parse(yaml).servers();
    assertThat(servers.get(0).process())
        .isEqualTo(new ProcessOptions(ProcessOptions.Start.BOOT, 3, true));
    assertThat(servers.get(1).process()).isEqualTo(ProcessOptions.DEFAULT);
  }

  @Test
  void refusesPoolsOfStatefulServersAndProcessKeysOutsideStdio() {
    assertThat(
            loader.problems(
                """
                servers:
                  - id: a
                    transport: stdio
                    command: [a]
                    pool: 2
                  - id: b
                    transport: stdio
                    command: [b]
                    start: eager
                    pool: 0
                    stateless: yes
                  - id: c
                    transport: sse
                    url: http://c/
                    pool: 2
                """))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].pool: needs stateless: true (each process holds its"
                + " own MCP session, so a stateful server cannot be spread over several)",
            "conf/warden.yaml:9: servers[1].start: must be lazy or boot",
            "conf/warden.yaml:10: servers[1].pool: must be a whole number from 1 to 64",
            "conf/warden.yaml:11: servers[1].stateless: must be true or false",
            "conf/warden.yaml:15: servers[2].pool: is only used by transport stdio");
  }

  @Test
  void readsTheProtocolEraOfAStreamableHttpServer() throws ConfigException {
    String yaml =
        """
        servers:
          - { id: a, transport: streamable-http, url: "http://127.0.0.1:1/mcp" }
          - { id: b, transport: streamable-http, url: "http://127.0.0.1:1/mcp", protocol: auto }
          - id: c
            transport: streamable-http
            url: http://127.0.0.1:1/mcp
            protocol: 2026-07-28
          - id: d
            transport: streamable-http
            url: http://127.0.0.1:1/mcp
            protocol: 2025-11-25
        """;
    assertThat(loader.parse(yaml).servers())
        .extracting(ServerConfig::protocol)
        .containsExactly(
            UpstreamProtocol.STATEFUL,
            UpstreamProtocol.AUTO,
            UpstreamProtocol.STATELESS,
            UpstreamProtocol.STATEFUL);
  }

  @Test
  void rejectsAnUnknownProtocolAndProtocolOnOtherTransports() {
    assertThat(
            loader.problems(
                """
                servers:
                  - { id: a, transport: streamable-http, url: "http://h/mcp", protocol: 2024 }
                  - { id: b, transport: stdio, command: [x], protocol: auto }
                """))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].protocol: must be auto, 2025-11-25 or 2026-07-28",
            "conf/warden.yaml:3: servers[1].protocol: is only used by transport streamable-http");
  }
}
