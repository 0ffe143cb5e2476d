package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final LoaderFixture loader = new LoaderFixture();
  private final Map<String, String> env = loader.env;

  private WardenConfig parse(String yaml) throws ConfigException {
    return loader.parse(yaml);
  }

  private List<String> problems(String yaml) {
    return loader.problems(yaml);
  }

  @Test
  void loadsFullConfiguration() throws ConfigException {
    env.putAll(Map.of("WARDEN_ADMIN_TOKEN", "adm", "TICKETS_TOKEN", "tt", "TRIAGE_BOT_KEY", "tk"));
    WardenConfig config =
        parse(
            """
            listen: 0.0.0.0:9090
            allowed-origins: ["https://console.example.com", "*"]
            limits:
              max-body: 1MiB
              max-json-depth: 32
              session-idle-timeout: 5m
              stream-keep-alive: 5s
              connection-threads: 64
            admin:
              listen: 127.0.0.1:9091
              tokens: ["${env:WARDEN_ADMIN_TOKEN}"]
            storage: postgresql://warden@db/warden
            servers:
              - id: tickets
                transport: streamable-http
                url: http://127.0.0.1:3001/mcp
                headers: { Authorization: "Bearer ${env:TICKETS_TOKEN}", X-Team: support }
                timeout: 90s
                connect-timeout: 500ms
              - id: files
                transport: stdio
                command: [node, /opt/servers/files/index.js]
                env: { FILES_MODE: ro }
            personas:
              - id: support-triage
                description: Reads tickets and drafts replies.
                tools: [tickets__get_ticket, tickets__search_*]
                prompts: [tickets__summary]
                resources: ["tickets://*"]
            agents:
              - id: triage-bot
                personas: [support-triage]
                keys: ["${env:TRIAGE_BOT_KEY}"]
                key-sha256: ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]
            """);

    assertThat(config.source()).isEqualTo(LoaderFixture.FILE);
    assertThat(config.listen()).isEqualTo(new HostPort("0.0.0.0", 9090));
    assertThat(config.allowedOrigins()).containsExactly("https://console.example.com", "*");
    assertThat(config.limits())
        .isEqualTo(new Limits(1 << 20, 32, Duration.ofMinutes(5), Duration.ofSeconds(5), 64));
    assertThat(config.admin().listen()).isEqualTo(new HostPort("127.0.0.1", 9091));
    assertThat(config.admin().tokens()).containsExactly(Secret.of("adm", "env:WARDEN_ADMIN_TOKEN"));
    assertThat(config.storage()).isEqualTo("postgresql://warden@db/warden");

    ServerConfig tickets = config.servers().get(0);
    assertThat(tickets.id()).isEqualTo("tickets");
    assertThat(tickets.transport()).isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(tickets.url()).isEqualTo(URI.create("http://127.0.0.1:3001/mcp"));
    assertThat(tickets.headers())
        .containsEntry("Authorization", Secret.of("Bearer tt", "Bearer ${env:TICKETS_TOKEN}"))
        .containsEntry("X-Team", Secret.literal("support"));
    assertThat(tickets.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(tickets.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    ServerConfig files = config.servers().get(1);
    assertThat(files.transport()).isEqualTo(Transport.STDIO);
    assertThat(files.url()).isNull();
    assertThat(files.command()).containsExactly("node", "/opt/servers/files/index.js");
    assertThat(files.env()).containsEntry("FILES_MODE", Secret.literal("ro"));
    assertThat(files.timeout()).isEqualTo(ServerConfig.DEFAULT_TIMEOUT);

    assertThat(config.personas())
        .containsExactly(
            new PersonaConfig(
                "support-triage",
                "Reads tickets and drafts replies.",
                List.of("tickets__get_ticket", "tickets__search_*"),
                List.of("tickets__summary"),
                List.of("tickets://*")));
    AgentConfig agent = config.agents().getFirst();
    assertThat(agent.personas()).containsExactly("support-triage");
    assertThat(agent.keys()).containsExactly(Secret.of("tk", "env:TRIAGE_BOT_KEY"));
    assertThat(agent.keySha256()).hasSize(1);
  }

  @Test
  void appliesDefaultsWhenOnlyServersIsGiven() throws ConfigException {
    WardenConfig config = parse("servers: []\n");

    assertThat(config.listen()).isEqualTo(WardenConfig.DEFAULT_LISTEN);
    assertThat(config.admin()).isEqualTo(new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of()));
    assertThat(config.storage()).isEqualTo(WardenConfig.DEFAULT_STORAGE);
    assertThat(config.limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(config.allowedOrigins()).isEmpty();
    assertThat(config.servers()).isEmpty();
    assertThat(config.personas()).isEmpty();
    assertThat(config.agents()).isEmpty();
  }

  @Test
  void acceptsEveryTransportLeavingSupportToOthers() throws ConfigException {
    WardenConfig config =
        parse(
            """
            servers:
              - { id: a, transport: sse, url: "https://a.example/sse" }
              - { id: b, transport: openapi, url: "https://b.example/api" }
              - { id: c, transport: stdio, command: [c] }
            """);

    assertThat(config.servers())
        .extracting(ServerConfig::transport)
        .containsExactly(Transport.SSE, Transport.OPENAPI, Transport.STDIO);
  }

  @Test
  void reportsUnknownTopLevelKeyAtItsLine() {
    assertThat(problems("servers: []\n\nlisten-on: 1.2.3.4:80\n"))
        .singleElement()
        .asString()
        .startsWith("conf/warden.yaml:3: listen-on: unknown key; expected one of: listen, ");
  }

  @Test
  void reportsUnknownNestedKeysAtTheirLines() {
    assertThat(
            problems(
                """
                limits:
                  max-bodies: 1MiB
                servers:
                  - id: a
                    transport: sse
                    url: http://a/
                    urls: http://b/
                """))
        .extracting(p -> p.substring(0, p.indexOf(": unknown key")))
        .containsExactly(
            "conf/warden.yaml:2: limits.max-bodies", "conf/warden.yaml:7: servers[0].urls");
  }

  @Test
  void reportsEveryProblemInFileOrder() {
    assertThat(
            problems(
                """
                listen: nowhere
                storage: mysql://db
                servers:
                  - id: Bad_Id
                    transport: carrier-pigeon
                """))
        .containsExactly(
            "conf/warden.yaml:1: listen: expected HOST:PORT, got 'nowhere'",
            "conf/warden.yaml:2: storage: must start with sqlite: or postgresql://",
            "conf/warden.yaml:4: servers[0].id: 'Bad_Id' is not a valid id: lower-case letters"
                + " and digits, single '-' between them",
            "conf/warden.yaml:5: servers[0].transport: must be one of streamable-http, sse, stdio,"
                + " openapi, not 'carrier-pigeon'");
  }

  @Test
  void requiresServers() {
    assertThat(problems("listen: 127.0.0.1:1\n"))
        .containsExactly("conf/warden.yaml:1: servers: is required (write servers: [] for none)");
  }

  @Test
  void rejectsEmptyFileAndNonMappingRoot() {
    assertThat(problems(""))
        .singleElement()
        .asString()
        .startsWith("conf/warden.yaml:1: the file is empty");
    assertThat(problems("# only a comment\n")).singleElement().asString().contains("is empty");
    assertThat(problems("- a\n- b\n"))
        .containsExactly("conf/warden.yaml:1: the top level must be a mapping (key: value lines)");
  }

  @Test
  void reportsYamlSyntaxErrorsWithLine() {
    assertThat(problems("servers: []\nlisten: [a, b\n"))
        .singleElement()
        .asString()
        .startsWith("conf/warden.yaml:3: YAML syntax: expected ',' or ']'");
    assertThat(problems("servers: []\n---\nlisten: 1.2.3.4:5\n"))
        .containsExactly(
            "conf/warden.yaml:3: only one YAML document is allowed; a second one (after ---) starts"
                + " here");
  }

  @Test
  void reportsDuplicateKeysAndAliases() {
    assertThat(problems("servers: []\nstorage: &s sqlite:a\nlisten: *s\nservers: []\n"))
        .containsExactly(
            "conf/warden.yaml:3: listen: YAML aliases (*name) are not supported here",
            "conf/warden.yaml:3: listen: expected HOST:PORT, got 's'",
            "conf/warden.yaml:4: servers: duplicate key (first at line 1)");
  }

  @Test
  void reportsWrongValueShapesWithoutExceptions() {
    assertThat(
            problems(
                """
                listen: [127.0.0.1, 80]
                servers: { id: a }
                personas: support
                limits: 5
                """))
        .containsExactly(
            "conf/warden.yaml:1: listen: must be a single value, not a list",
            "conf/warden.yaml:2: servers: must be a list such as [a, b], not a mapping",
            "conf/warden.yaml:3: personas: must be a list such as [a, b], not a single value",
            "conf/warden.yaml:4: limits: must be a mapping (key: value lines), not a single value");
  }

  @Test
  void readsLimitsAndNamesAcceptedFormsForBadUnits() {
    assertThat(
            problems(
                """
                servers: []
                limits:
                  max-body: 4 megabytes
                  max-json-depth: deep
                  session-idle-timeout: 30min
                  connection-threads: -1
                """))
        .containsExactly(
            "conf/warden.yaml:3: limits.max-body: " + ByteSizes.FORMS,
            "conf/warden.yaml:4: limits.max-json-depth: must be a whole number from 1 to 1000",
            "conf/warden.yaml:5: limits.session-idle-timeout: " + Durations.FORMS,
            "conf/warden.yaml:6: limits.connection-threads: must be a whole number from 0 to 10000");
  }

  @Test
  void rejectsOriginsThatCanNeverMatch() {
    assertThat(problems("servers: []\nallowed-origins: [\"https://a.example/\", \"a.example\"]\n"))
        .hasSize(2)
        .allSatisfy(
            p -> assertThat(p).matches("conf/warden.yaml:2: allowed-origins\\[[01]\\]: '.*"));
  }

  @Test
  void rejectsAdminListenEqualToListen() {
    assertThat(problems("listen: 127.0.0.1:80\nadmin: { listen: 127.0.0.1:80 }\nservers: []\n"))
        .containsExactly(
            "conf/warden.yaml:2: admin.listen: must differ from listen (127.0.0.1:80)");
    assertThat(problems("listen: 127.0.0.1:8081\nservers: []\n"))
        .containsExactly(
            "conf/warden.yaml:1: listen: must differ from admin.listen (127.0.0.1:8081)");
  }
}
