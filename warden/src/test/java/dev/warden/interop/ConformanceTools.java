package dev.warden.interop;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The tools the MCP conformance suite's server scenarios call, with the answers they expect,
 * written with the MCP Java SDK. Names are fixed by the suite ({@code test_simple_text}, …).
 */
final class ConformanceTools {
  /** A 1×1 PNG. */
  static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

  /** A WAV header with no samples. */
  static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQAAAAA=";

  private static final Map<String, Object> NO_ARGUMENTS =
      Map.of("type", "object", "properties", Map.of());

  private ConformanceTools() {}

  static List<SyncToolSpecification> all() {
    List<SyncToolSpecification> tools = new ArrayList<>(content());
    tools.add(tool("test_tool_with_logging", NO_ARGUMENTS, ConformanceTools::logging));
    tools.add(tool("test_tool_with_progress", NO_ARGUMENTS, ConformanceTools::progress));
    tools.add(
        tool(
            "test_error_handling",
            NO_ARGUMENTS,
            (exchange, request) ->
                CallToolResult.builder()
                    .addTextContent("This tool intentionally returns an error for testing")
                    .isError(true)
                    .build()));
    tools.add(tool("json_schema_2020_12_tool", schema2020(), (exchange, request) -> text("ok")));
    tools.addAll(ConformanceRequests.tools());
    return tools;
  }

  private static List<SyncToolSpecification> content() {
    Content image = McpSchema.ImageContent.builder(PNG, "image/png").build();
    return List.of(
        tool(
            "test_simple_text",
            NO_ARGUMENTS,
            (exchange, request) -> text("This is a simple text response for testing.")),
        tool("test_image_content", NO_ARGUMENTS, (exchange, request) -> result(image)),
        tool(
            "test_audio_content",
            NO_ARGUMENTS,
            (exchange, request) ->
                result(McpSchema.AudioContent.builder(WAV, "audio/wav").build())),
        tool(
            "test_embedded_resource",
            NO_ARGUMENTS,
            (exchange, request) ->
                result(
                    embedded(
                        "test://embedded-resource",
                        "text/plain",
                        "This is an embedded resource content."))),
        tool(
            "test_multiple_content_types",
            NO_ARGUMENTS,
            (exchange, request) ->
                CallToolResult.builder()
                    .content(
                        List.of(
                            new TextContent("Multiple content types test:"),
                            image,
                            embedded(
                                "test://mixed-content-resource",
                                "application/json",
                                "{\"test\":\"data\",\"value\":123}")))
                    .isError(false)
                    .build()));
  }

  private static CallToolResult logging(McpSyncServerExchange exchange, CallToolRequest request) {
    for (String step :
        List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
      exchange.loggingNotification(
          LoggingMessageNotification.builder(LoggingLevel.INFO, step)
              .logger("conformance")
              .build());
    }
    return text("Tool execution completed with logging");
  }

  private static CallToolResult progress(McpSyncServerExchange exchange, CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    if (token != null) {
      for (double done : new double[] {0, 50, 100}) {
        exchange.progressNotification(
            ProgressNotification.builder(token, done).total(100.0).build());
      }
    }
    return text("Tool execution completed with progress");
  }

  /** An input schema with the JSON Schema 2020-12 keywords a gateway must pass on untouched. */
  private static Map<String, Object> schema2020() {
    return Map.of(
        "$schema",
        "https://json-schema.org/draft/2020-12/schema",
        "type",
        "object",
        "$defs",
        Map.of(
            "address",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))),
        "properties",
        Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")),
        "additionalProperties",
        false);
  }

  static SyncToolSpecification tool(
      String name,
      Map<String, Object> inputSchema,
      BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description("Conformance tool " + name)
                .inputSchema(inputSchema)
                .build())
        .callHandler(handler)
        .build();
  }

  static CallToolResult text(String text) {
    return result(new TextContent(text));
  }

  private static CallToolResult result(Content content) {
    return CallToolResult.builder().content(List.of(content)).isError(false).build();
  }

  static McpSchema.EmbeddedResource embedded(String uri, String mimeType, String text) {
    return McpSchema.EmbeddedResource.builder(
            TextResourceContents.builder(uri, text).mimeType(mimeType).build())
        .build();
  }
}
