package dev.warden.edge;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients of earlier 2025 revisions get their own version back and can call tools. */
class ProtocolVersionIT {
  static SdkUpstream echo;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    echo = SdkUpstream.start("echo", Map.of("echo", args -> "echo " + args.get("text")));
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.streamableHttp("echo", echo.url())),
                List.of(persona("alpha", "echo__*")),
                List.of(agent("bot", "key-bot", "alpha"))));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
  void sdkClientOfAnEarlierRevisionInitializesAndCallsATool(String version) {
    McpSyncClient client = harness.client("alpha", "key-bot", List.of(version), spec -> spec);
    assertThat(client.getCurrentInitializationResult().protocolVersion()).isEqualTo(version);
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("echo__echo", Map.of("text", version)));
    assertThat(r.isError()).isFalse();
    assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo("echo " + version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
  void initializeEchoesASupportedVersion(String version) {
    Reply r = harness.raw("alpha", "key-bot").initializeReply(version);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().path("protocolVersion").asText()).isEqualTo(version);
  }

  @Test
  void initializeOffersTheLatestForAnUnknownVersion() {
    Reply r = harness.raw("alpha", "key-bot").initializeReply("2024-11-05");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().path("protocolVersion").asText()).isEqualTo("2025-11-25");
  }

  @Test
  void requestsWithoutTheVersionHeaderAreTakenAsTheOldestRevision() {
    RawMcp raw = harness.raw("alpha", "key-bot");
    String session = raw.initialize("2025-03-26");
    Map<String, String> h = raw.headers(session);
    h.remove("MCP-Protocol-Version"); // 2025-03-26 clients do not send it
    Reply r =
        raw.post(
            h,
            raw.request(
                "tools/call", "{\"name\":\"echo__echo\",\"arguments\":{\"text\":\"legacy\"}}"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().path("content").get(0).path("text").asText()).isEqualTo("echo legacy");
  }
}
