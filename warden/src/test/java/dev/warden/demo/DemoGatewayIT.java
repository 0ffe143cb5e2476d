package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.config.AdminConfig;
import dev.warden.config.HostPort;
import dev.warden.testing.GatewayHarness;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in demo as a user meets it: demo servers behind the gateway, demo agents' keys. */
class DemoGatewayIT {
  static DemoServers servers;
  static DemoSetup setup;
  static GatewayHarness gateway;

  @BeforeAll
  static void start() throws Exception {
    servers = DemoServers.start(0);
    setup =
        DemoSetup.create(
            servers.endpoints(),
            new HostPort("127.0.0.1", 0),
            new AdminConfig(new HostPort("127.0.0.1", 0), List.of()));
    gateway = GatewayHarness.start(setup.config());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    servers.close();
  }

  @Test
  void triageBotSeesItsJobAndNothingElse() {
    McpSyncClient client = gateway.client("support-triage", setup.agentKeys().get("triage-bot"));
    List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    assertThat(tools)
        .contains("tickets__get_ticket", "tickets__search_tickets", "mail__draft_reply")
        .doesNotContain("tickets__delete_ticket", "mail__send_email");
    McpSchema.CallToolResult result =
        client.callTool(
            McpSchema.CallToolRequest.builder("tickets__get_ticket")
                .arguments(Map.of("id", "TCK-1042"))
                .build());
    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isNotNull();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("TCK-1042");
    assertThatThrownBy(
            () ->
                client.callTool(
                    McpSchema.CallToolRequest.builder("mail__send_email")
                        .arguments(Map.of("to", "x@example.com", "subject", "s", "body", "b"))
                        .build()))
        .hasMessageContaining("Unknown tool: mail__send_email");
  }

  @Test
  void promptsAndResourcesAreScopedAndRoutedToTheirServer() {
    McpSyncClient client = gateway.client("support-triage", setup.agentKeys().get("triage-bot"));
    assertThat(client.listPrompts().prompts())
        .extracting(McpSchema.Prompt::name)
        .contains("tickets__summarize_ticket");
    McpSchema.GetPromptResult prompt =
        client.getPrompt(
            McpSchema.GetPromptRequest.builder("tickets__summarize_ticket")
                .arguments(Map.of("id", "TCK-1001"))
                .build());
    assertThat(prompt.messages()).isNotEmpty();
    McpSchema.ReadResourceResult listed =
        client.readResource(McpSchema.ReadResourceRequest.builder("ticket://TCK-1001").build());
    assertThat(((McpSchema.TextResourceContents) listed.contents().get(0)).text())
        .contains("TCK-1001");
    McpSchema.ReadResourceResult templated =
        client.readResource(McpSchema.ReadResourceRequest.builder("ticket://TCK-1150").build());
    assertThat(((McpSchema.TextResourceContents) templated.contents().get(0)).text())
        .contains("TCK-1150");
    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::name)
        .allMatch(n -> n.startsWith("tickets__") || n.startsWith("docs__"));
  }

  @Test
  void agentWithoutThePersonaIsRefused() {
    assertThatThrownBy(() -> gateway.client("outreach", setup.agentKeys().get("audit-bot")))
        .hasRootCauseInstanceOf(
            io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException
                .class);
  }
}
