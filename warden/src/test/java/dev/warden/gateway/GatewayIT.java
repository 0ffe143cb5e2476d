package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayIT {
  static SdkUpstream tickets;
  static SdkUpstream mail;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    tickets =
        SdkUpstream.start(
            "tickets",
            Map.of(
                "get_ticket", args -> "ticket " + args.get("id"),
                "delete_ticket", args -> "deleted " + args.get("id")));
    mail = SdkUpstream.start("mail", Map.of("send_email", args -> "sent to " + args.get("to")));
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(
                    ServerConfig.streamableHttp("tickets", tickets.url()),
                    ServerConfig.streamableHttp("mail", mail.url())),
                List.of(
                    persona("triage", "tickets__get_ticket"),
                    persona("ops", "tickets__*", "mail__*")),
                List.of(agent("bot", "key-bot", "triage"), agent("ops-bot", "key-ops", "ops"))));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    tickets.close();
    mail.close();
  }

  @Test
  void listsOnlyThePersonasToolsUnderExposedNames() {
    McpSyncClient client = harness.client("triage", "key-bot");
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .containsExactly("tickets__get_ticket");
    McpSyncClient ops = harness.client("ops", "key-ops");
    assertThat(ops.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrder(
            "tickets__get_ticket", "tickets__delete_ticket", "mail__send_email");
  }

  @Test
  void callsAToolThroughTheGateway() {
    McpSyncClient client = harness.client("triage", "key-bot");
    McpSchema.CallToolResult result =
        client.callTool(
            new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "TCK-7")));
    assertThat(result.isError()).isFalse();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("ticket TCK-7");
    assertThat(tickets.calls()).contains(new SdkUpstream.Call("get_ticket", Map.of("id", "TCK-7")));
  }

  @Test
  void toolOutsideThePersonaDoesNotExistAndNeverReachesTheUpstream() {
    McpSyncClient client = harness.client("triage", "key-bot");
    int before = tickets.calls().size();
    assertThatThrownBy(
            () ->
                client.callTool(
                    new McpSchema.CallToolRequest("tickets__delete_ticket", Map.of("id", "1"))))
        .hasMessageContaining("Unknown tool: tickets__delete_ticket");
    assertThatThrownBy(
            () -> client.callTool(new McpSchema.CallToolRequest("tickets__no_such_tool", Map.of())))
        .hasMessageContaining("Unknown tool: tickets__no_such_tool");
    assertThat(tickets.calls()).hasSize(before).noneMatch(c -> c.tool().equals("delete_ticket"));
  }
}
