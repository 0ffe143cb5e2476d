package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the demo servers with the official MCP Java SDK client over real HTTP. */
class DemoServersIT {
  private static DemoServers servers;

  @BeforeAll
  static void start() throws Exception {
    servers = DemoServers.start();
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  static McpSyncClient client(URI endpoint) {
    String base = endpoint.getScheme() + "://" + endpoint.getAuthority();
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(base)
                    .endpoint(endpoint.getPath())
                    .build())
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    client.initialize();
    return client;
  }

  private static McpSyncClient client(String id) {
    return client(servers.endpoints().get(id));
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
  }

  private static McpSchema.ReadResourceRequest read(String uri) {
    return McpSchema.ReadResourceRequest.builder(uri).build();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Test
  void servesEachServerAtItsOwnPath() {
    assertThat(servers.endpoints()).containsOnlyKeys("tickets", "mail", "docs");
    assertThat(servers.endpoints().get("mail").toString())
        .matches("http://127\\.0\\.0\\.1:\\d+/demo/mail/mcp");
  }

  @Test
  void initializesWithLatestProtocolAndInstructions() {
    try (McpSyncClient client = client("tickets")) {
      McpSchema.InitializeResult init = client.getCurrentInitializationResult();
      assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
      assertThat(init.serverInfo().name()).isEqualTo("tickets");
      assertThat(init.instructions()).contains("search_tickets");
      assertThat(init.capabilities().tools()).isNotNull();
      assertThat(init.capabilities().prompts()).isNotNull();
      assertThat(init.capabilities().resources()).isNotNull();
      client.ping();
    }
  }

  @Test
  void listsTheToolsOfEachServerWithAnnotations() {
    Map<String, List<String>> expected =
        Map.of(
            "tickets", List.of("search_tickets", "get_ticket", "update_ticket", "delete_ticket"),
            "mail", List.of("send_email", "draft_reply", "list_drafts"),
            "docs", List.of("search_docs", "get_doc", "list_docs"));
    expected.forEach(
        (id, names) -> {
          try (McpSyncClient client = client(id)) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(names);
            assertThat(tools).allSatisfy(t -> assertThat(t.inputSchema()).isNotNull());
          }
        });
    try (McpSyncClient client = client("tickets")) {
      Map<String, McpSchema.Tool> byName =
          client.listTools().tools().stream()
              .collect(java.util.stream.Collectors.toMap(McpSchema.Tool::name, t -> t));
      assertThat(byName.get("delete_ticket").annotations().destructiveHint()).isTrue();
      assertThat(byName.get("update_ticket").annotations().destructiveHint()).isFalse();
      assertThat(byName.get("get_ticket").annotations().readOnlyHint()).isTrue();
      assertThat(byName.get("get_ticket").outputSchema()).containsKey("properties");
    }
  }

  @Test
  void getTicketReturnsTheTicketAsTextAndStructuredContent() {
    Ticket expected = servers.data().tickets().find("TCK-1042").orElseThrow();
    try (McpSyncClient client = client("tickets")) {
      McpSchema.CallToolResult result = call(client, "get_ticket", Map.of("id", "TCK-1042"));
      assertThat(result.isError()).isFalse();
      assertThat(text(result)).contains("TCK-1042", expected.customer().email());
      @SuppressWarnings("unchecked")
      Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
      assertThat(structured)
          .containsEntry("id", "TCK-1042")
          .containsEntry("subject", expected.subject())
          .containsEntry("status", expected.status().key())
          .containsKey("customer");
      assertThat(expected.body()).contains("ORD-").contains("ending in");
    }
  }

  @Test
  void getTicketOfUnknownIdIsAToolError() {
    try (McpSyncClient client = client("tickets")) {
      McpSchema.CallToolResult result = call(client, "get_ticket", Map.of("id", "TCK-9999"));
      assertThat(result.isError()).isTrue();
      assertThat(text(result)).isEqualTo("No ticket TCK-9999");
    }
  }

  @Test
  void searchTicketsFindsByTextAndStatus() {
    try (McpSyncClient client = client("tickets")) {
      McpSchema.CallToolResult result =
          call(client, "search_tickets", Map.of("query", "refund", "status", "open", "limit", 5));
      assertThat(result.isError()).isFalse();
      @SuppressWarnings("unchecked")
      Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> tickets = (List<Map<String, Object>>) structured.get("tickets");
      assertThat((Integer) structured.get("total")).isPositive();
      assertThat(tickets).hasSizeBetween(1, 5);
      assertThat(tickets).allSatisfy(t -> assertThat(t).containsEntry("status", "open"));
    }
  }

  @Test
  void unknownToolIsAJsonRpcError() {
    try (McpSyncClient client = client("tickets")) {
      assertThatThrownBy(() -> call(client, "launch_rockets", Map.of()))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("Unknown tool: launch_rockets");
    }
  }

  @Test
  void summarizePromptEmbedsTheTicket() {
    try (McpSyncClient client = client("tickets")) {
      assertThat(client.listPrompts().prompts())
          .extracting(McpSchema.Prompt::name)
          .containsExactly("summarize_ticket");
      McpSchema.GetPromptResult prompt =
          client.getPrompt(
              McpSchema.GetPromptRequest.builder("summarize_ticket")
                  .arguments(Map.of("id", "TCK-1042"))
                  .build());
      assertThat(prompt.messages()).hasSize(1);
      assertThat(prompt.messages().getFirst().role()).isEqualTo(McpSchema.Role.USER);
      assertThat(((McpSchema.TextContent) prompt.messages().getFirst().content()).text())
          .contains("Summarize", "TCK-1042");
    }
  }

  @Test
  void readsListedResourcesAndTemplatedOnes() {
    try (McpSyncClient client = client("tickets")) {
      assertThat(client.listResources().resources())
          .hasSize(20)
          .first()
          .satisfies(r -> assertThat(r.uri()).isEqualTo("ticket://TCK-1001"));
      assertThat(client.listResourceTemplates().resourceTemplates())
          .extracting(McpSchema.ResourceTemplate::uriTemplate)
          .containsExactly("ticket://{id}");

      McpSchema.ReadResourceResult listed = client.readResource(read("ticket://TCK-1001"));
      assertThat(((McpSchema.TextResourceContents) listed.contents().getFirst()).text())
          .contains("\"id\":\"TCK-1001\"");
      McpSchema.ReadResourceResult templated = client.readResource(read("ticket://TCK-1150"));
      McpSchema.TextResourceContents contents =
          (McpSchema.TextResourceContents) templated.contents().getFirst();
      assertThat(contents.mimeType()).isEqualTo("application/json");
      assertThat(contents.text()).contains("\"id\":\"TCK-1150\"");
      assertThatThrownBy(() -> client.readResource(read("ticket://TCK-0001")))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("Resource not found");
    }
  }

  @Test
  void draftReplyIsAddressedToTheCustomerAndListed() {
    String email = servers.data().tickets().find("TCK-1010").orElseThrow().customer().email();
    try (McpSyncClient client = client("mail")) {
      McpSchema.CallToolResult draft =
          call(
              client,
              "draft_reply",
              Map.of("ticket_id", "TCK-1010", "body", "We are looking into it."));
      assertThat(draft.isError()).isFalse();
      assertThat(text(draft)).contains(email, "Re: [TCK-1010]");
      assertThat(text(call(client, "list_drafts", Map.of()))).contains("TCK-1010");
    }
  }

  @Test
  void sendEmailKeepsTheMailInMemory() {
    try (McpSyncClient client = client("mail")) {
      McpSchema.CallToolResult sent =
          call(
              client,
              "send_email",
              Map.of("to", "pat@example.com", "subject", "Hello", "body", "Hi Pat"));
      assertThat(sent.isError()).isFalse();
      assertThat(servers.data().mail().sent())
          .anySatisfy(m -> assertThat(m.to()).isEqualTo("pat@example.com"));
      assertThat(
              call(client, "send_email", Map.of("to", "nobody", "subject", "x", "body", "y"))
                  .isError())
          .isTrue();
    }
  }

  @Test
  void docsAreSearchableReadableAndListedAsResources() {
    try (McpSyncClient client = client("docs")) {
      assertThat(text(call(client, "search_docs", Map.of("query", "refund"))))
          .contains("policies/refund-policy.md");
      assertThat(text(call(client, "get_doc", Map.of("path", "runbooks/backup-restore.md"))))
          .contains("AKIA");
      assertThat(client.listResources().resources()).hasSize(30);
      McpSchema.ReadResourceResult doc =
          client.readResource(read("doc://policies/refund-policy.md"));
      McpSchema.TextResourceContents contents =
          (McpSchema.TextResourceContents) doc.contents().getFirst();
      assertThat(contents.mimeType()).isEqualTo("text/markdown");
      assertThat(contents.text()).startsWith("# Refund policy");
    }
  }

  @Test
  void twoDemoRunsServeTheSameData() throws Exception {
    try (DemoServers other = DemoServers.start();
        McpSyncClient a = client("tickets");
        McpSyncClient b = client(other.endpoints().get("tickets"))) {
      Map<String, Object> args = Map.of("id", "TCK-1123");
      assertThat(text(call(a, "get_ticket", args))).isEqualTo(text(call(b, "get_ticket", args)));
    }
  }
}
