package dev.warden.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A persona with {@code names: unprefixed} looks exactly like its one server to an official MCP SDK
 * client, while a prefixed persona on the same gateway keeps {@code server__name}.
 */
class UnprefixedNamesIT {
  private static final String KEY = "unprefixed-agent-key-0123456789";
  private static ConformanceUpstream upstream;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() throws Exception {
    upstream = new ConformanceUpstream(Duration.ofSeconds(3));
    List<String> all = List.of("reference__*");
    PersonaConfig plain =
        new PersonaConfig("plain", "Prefixed names", all, all, List.of("test://*"));
    gateway =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.streamableHttp("reference", upstream.url())),
                List.of(
                    new PersonaConfig(
                            "same", "The server's own names", all, all, List.of("test://*"))
                        .withNames(PersonaConfig.Names.UNPREFIXED),
                    plain),
                List.of(GatewayHarness.agent("bot", KEY, "same", "plain"))));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    upstream.close();
  }

  @Test
  void listsAndCallsToolsByTheServersOwnNames() {
    McpSyncClient client = gateway.client("same", KEY);
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("test_simple_text", "json_schema_2020_12_tool")
        .noneMatch(name -> name.contains("__"));
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("test_simple_text", Map.of()));
    assertThat(((McpSchema.TextContent) result.content().getFirst()).text())
        .isEqualTo("This is a simple text response for testing.");
  }

  @Test
  void promptsTemplatesAndCompletionsUseTheServersOwnNames() {
    McpSyncClient client = gateway.client("same", KEY);
    assertThat(client.listPrompts().prompts())
        .extracting(McpSchema.Prompt::name)
        .contains("test_simple_prompt", "test_prompt_with_arguments");
    McpSchema.GetPromptResult prompt =
        client.getPrompt(
            new McpSchema.GetPromptRequest(
                "test_prompt_with_arguments", Map.of("arg1", "alpha", "arg2", "beta")));
    assertThat(prompt.messages().getFirst().content().toString()).contains("alpha", "beta");
    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::name)
        .containsExactly("template-data");
    assertThat(client.listResources().resources())
        .extracting(McpSchema.Resource::name)
        .contains("static-text");
    McpSchema.CompleteResult completion =
        client.completeCompletion(
            new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("test_prompt_with_arguments"),
                new McpSchema.CompleteRequest.CompleteArgument("arg1", "pa")));
    assertThat(completion.completion().values()).contains("paris");
  }

  @Test
  void prefixedNamesDoNotExistOnAnUnprefixedEndpoint() {
    McpSyncClient client = gateway.client("same", KEY);
    assertThatThrownBy(
            () ->
                client.callTool(
                    new McpSchema.CallToolRequest("reference__test_simple_text", Map.of())))
        .hasMessageContaining("Unknown tool: reference__test_simple_text");
  }

  @Test
  void otherPersonasKeepPrefixedNames() {
    McpSyncClient client = gateway.client("plain", KEY);
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("reference__test_simple_text")
        .doesNotContain("test_simple_text");
    assertThat(
            client
                .callTool(new McpSchema.CallToolRequest("reference__test_simple_text", Map.of()))
                .isError())
        .isFalse();
  }
}
