package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.ServerConfig;
import dev.warden.config.UpstreamProtocol;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2025-11-25 clients (the official MCP Java SDK client, and raw requests) through Warden to an
 * upstream that speaks only 2026-07-28. That upstream is {@link StatelessUpstream}, a hand-built
 * Jetty handler: no SDK speaks the stateless revision yet. A second upstream, an SDK server, proves
 * that {@code protocol: auto} finds the stateful era too.
 */
@Timeout(60)
class StatelessUpstreamIT {
  private static final String KEY = "stateless-upstream-key-1";
  private static StatelessUpstream modern;
  private static SdkUpstream legacy;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() throws Exception {
    modern = StatelessUpstream.start();
    legacy = SdkUpstream.start("legacy", Map.of("echo", args -> "legacy echo"));
    gateway =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(
                    ServerConfig.streamableHttp("modern", modern.url())
                        .withProtocol(UpstreamProtocol.STATELESS),
                    ServerConfig.streamableHttp("probed", modern.url())
                        .withProtocol(UpstreamProtocol.AUTO),
                    ServerConfig.streamableHttp("legacy", legacy.url())
                        .withProtocol(UpstreamProtocol.AUTO)),
                List.of(GatewayHarness.persona("p", "modern__*", "probed__*", "legacy__*")),
                List.of(GatewayHarness.agent("bot", KEY, "p"))));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    modern.close();
    legacy.close();
  }

  private static McpSyncClient elicitingClient() {
    return gateway.client(
        "p",
        KEY,
        List.of(),
        spec ->
            spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(
                    req ->
                        new McpSchema.ElicitResult(
                            McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Ada"))));
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }

  @Test
  void listsTheToolsOfBothErasToA2025Client() {
    List<String> names =
        gateway.client("p", KEY).listTools().tools().stream().map(McpSchema.Tool::name).toList();
    assertThat(names).contains("modern__echo", "modern__ask_name", "probed__echo", "legacy__echo");
  }

  @Test
  void callsA2026ToolWithTheStatelessEnvelope() {
    McpSchema.CallToolResult r =
        gateway
            .client("p", KEY)
            .callTool(new McpSchema.CallToolRequest("modern__echo", Map.of("text", "hi")));
    assertThat(text(r)).isEqualTo("echo: hi");
    JsonNode call =
        modern.received().stream()
            .filter(b -> b.path("params").path("name").asText().equals("echo"))
            .findFirst()
            .orElseThrow();
    JsonNode meta = call.path("params").path("_meta");
    assertThat(meta.path("io.modelcontextprotocol/protocolVersion").asText())
        .isEqualTo("2026-07-28");
    assertThat(meta.path("io.modelcontextprotocol/clientInfo").path("name").asText())
        .isEqualTo("warden");
    assertThat(modern.received()).noneMatch(b -> b.path("method").asText().equals("initialize"));
    assertThat(modern.headers()).noneMatch(h -> h.containsKey("Mcp-Session-Id"));
    assertThat(modern.headers())
        .anyMatch(
            h -> "tools/call".equals(h.get("Mcp-Method")) && "echo".equals(h.get("Mcp-Name")));
  }

  @Test
  void aStatefulClientGetsNoStatelessOnlyResultMembers() {
    RawMcp raw = gateway.raw("p", KEY);
    String session = raw.initialize();
    RawMcp.Reply r = raw.callTool(session, "modern__cached", Map.of());
    assertThat(r.result().path("content").get(0).path("text").asText()).isEqualTo("cached");
    assertThat(r.result().has("resultType")).isFalse();
    assertThat(r.result().has("ttlMs")).isFalse();
    assertThat(r.result().has("cacheScope")).isFalse();
  }

  @Test
  void inputRequiredBecomesAnElicitationOfTheClientAndTheRetryCarriesTheAnswer() {
    McpSchema.CallToolResult r =
        elicitingClient().callTool(new McpSchema.CallToolRequest("modern__ask_name", Map.of()));
    assertThat(text(r)).isEqualTo("hello accept Ada");
    assertThat(modern.received())
        .anyMatch(
            b ->
                b.path("params").path("requestState").asText().equals("opaque-state-7")
                    && b.path("params").path("inputResponses").has("who"));
  }

  @Test
  void inputRequiredForAClientWithoutTheCapabilityFailsClearlyAndFast() {
    McpSyncClient client = gateway.client("p", KEY);
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> client.callTool(new McpSchema.CallToolRequest("modern__ask_name", Map.of())))
        .hasMessageContaining("elicitation");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void autoFindsEachServersEra() {
    McpSyncClient client = gateway.client("p", KEY);
    assertThat(
            text(
                client.callTool(
                    new McpSchema.CallToolRequest("probed__echo", Map.of("text", "x")))))
        .isEqualTo("echo: x");
    assertThat(text(client.callTool(new McpSchema.CallToolRequest("legacy__echo", Map.of()))))
        .isEqualTo("legacy echo");
    assertThat(legacy.bodies()).anyMatch(b -> b.contains("\"server/discover\""));
    assertThat(legacy.bodies()).anyMatch(b -> b.contains("\"initialize\""));
  }

  @Test
  void listensForListChangesOfA2026Upstream() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (modern.received().stream()
        .noneMatch(
            b ->
                b.path("method").asText().equals("subscriptions/listen")
                    && b.path("params")
                        .path("notifications")
                        .path("toolsListChanged")
                        .asBoolean())) {
      assertThat(System.nanoTime()).as("no listen stream within 10 s").isLessThan(end);
      Thread.sleep(50);
    }
  }
}
