package dev.warden.identity;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.audit.AuditQuery;
import dev.warden.audit.AuditRecord;
import dev.warden.audit.AuditTrail;
import dev.warden.config.AuditConfig;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end user an agent's platform names in the agent's user header, through the real gateway with
 * the official MCP SDK as client and upstream: it is in every audit record of the session, a
 * session refuses another user, and a malformed name is refused before anything else runs.
 */
class EndUserIT {
  private static final String HEADER = "X-End-User";

  @TempDir Path dir;
  private SdkUpstream tickets;
  private AuditTrail audit;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    tickets = SdkUpstream.start("tickets", Map.of("get_ticket", args -> "ticket"));
    WardenConfig base =
        GatewayHarness.config(
            List.of(ServerConfig.streamableHttp("tickets", tickets.url())),
            List.of(persona("triage", "tickets__get_ticket")),
            List.of(agent("bot", "key-bot", "triage").withUserHeader(HEADER)));
    WardenConfig cfg =
        new WardenConfig(
            null,
            base.listen(),
            base.admin(),
            "sqlite:" + dir.resolve("audit.db"),
            AuditConfig.DEFAULTS,
            base.limits(),
            base.allowedOrigins(),
            base.servers(),
            base.personas(),
            base.agents(),
            base.dataProtection());
    audit = AuditTrail.open(cfg);
    gateway = Gateway.start(cfg, (exchange, next) -> next.proceed(exchange), audit.stage(), "test");
  }

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    if (audit != null) {
      audit.close();
    }
    tickets.close();
  }

  @Test
  void everyRecordOfTheSessionNamesItsUserAndAnotherUserIsRefused() throws Exception {
    AtomicReference<String> user = new AtomicReference<>("alice@example.com");
    URI endpoint = gateway.endpoint("triage");
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://" + endpoint.getAuthority())
                    .endpoint(endpoint.getPath())
                    .httpRequestCustomizer(
                        (builder, method, uri, body, context) ->
                            builder
                                .header("Authorization", "Bearer key-bot")
                                .header(HEADER, user.get()))
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    try {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "7")));
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);

      user.set("mallory@example.com");
      assertThatThrownBy(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "8"))))
          .hasMessageContaining("Authorization error");
    } finally {
      client.close();
    }
    assertThat(tickets.calls()).singleElement();

    List<AuditRecord> alice = awaitRecords("alice@example.com", 3);
    assertThat(alice).extracting(r -> r.entry().method()).contains("initialize", "tools/call");
    assertThat(alice).allSatisfy(r -> assertThat(r.entry().agent()).isEqualTo("bot"));
    List<AuditRecord> mallory = awaitRecords("mallory@example.com", 1);
    assertThat(mallory)
        .anySatisfy(
            r -> {
              assertThat(r.entry().decision()).isEqualTo("denied");
              assertThat(r.entry().rule()).isEqualTo("user:changed");
            });
    assertThat(audit.verifier().verify().intact()).isTrue();
  }

  @Test
  void aSessionRefusesAnotherUserWithAClearForbidden() {
    RawMcp raw = new RawMcp(gateway.endpoint("triage"), "key-bot");
    Map<String, String> init = raw.headers(null);
    init.put(HEADER, "alice@example.com");
    RawMcp.Reply opened = raw.post(init, raw.request("initialize", initParams()));
    assertThat(opened.status()).isEqualTo(200);
    String session = opened.header("Mcp-Session-Id");

    Map<String, String> same = raw.headers(session);
    same.put(HEADER, "alice@example.com");
    assertThat(raw.post(same, raw.request("tools/list", "{}")).status()).isEqualTo(200);

    Map<String, String> other = raw.headers(session);
    other.put(HEADER, "bob@example.com");
    RawMcp.Reply refused = raw.post(other, raw.request("tools/list", "{}"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("opened for another end user");
    assertThat(refused.body()).doesNotContain("alice").doesNotContain("bob");

    Map<String, String> none = raw.headers(session);
    assertThat(raw.post(none, raw.request("tools/list", "{}")).status()).isEqualTo(403);
  }

  @Test
  void anOverLongOrControlCharacterUserIsABadRequest() {
    RawMcp raw = new RawMcp(gateway.endpoint("triage"), "key-bot");
    for (String bad : List.of("a".repeat(257), "alice\tadmin")) {
      Map<String, String> h = raw.headers(null);
      h.put(HEADER, bad);
      RawMcp.Reply reply = raw.post(h, raw.request("initialize", initParams()));
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorMessage()).startsWith("Header X-End-User ");
      assertThat(reply.body()).doesNotContain("aaaaaaaa").doesNotContain("admin");
    }
  }

  private static String initParams() {
    return "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}";
  }

  private List<AuditRecord> awaitRecords(String user, int atLeast) throws Exception {
    AuditQuery q =
        new AuditQuery(
            Optional.empty(),
            Optional.of(user),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            100);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<AuditRecord> found = audit.sink().query(q);
    while (found.size() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(50);
      found = audit.sink().query(q);
    }
    return found;
  }
}
