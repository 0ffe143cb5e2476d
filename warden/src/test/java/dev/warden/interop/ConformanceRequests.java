package dev.warden.interop;

import static dev.warden.interop.ConformanceTools.text;
import static dev.warden.interop.ConformanceTools.tool;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/** Conformance tools that ask the client something (sampling, elicitation) before answering. */
final class ConformanceRequests {
  private static final Map<String, Object> NO_ARGUMENTS =
      Map.of("type", "object", "properties", Map.of());

  private ConformanceRequests() {}

  static List<SyncToolSpecification> tools() {
    return List.of(
        tool(
            "test_sampling",
            oneString("prompt"),
            (exchange, request) -> {
              CreateMessageResult answer =
                  exchange.createMessage(
                      CreateMessageRequest.builder(
                              List.of(
                                  new SamplingMessage(
                                      Role.USER,
                                      new TextContent(
                                          String.valueOf(request.arguments().get("prompt"))))),
                              100)
                          .build());
              return text("LLM response: " + answer.content());
            }),
        tool(
            "test_elicitation",
            oneString("message"),
            (exchange, request) ->
                elicit(
                    exchange,
                    String.valueOf(request.arguments().get("message")),
                    Map.of(
                        "type", "object",
                        "properties",
                            Map.of(
                                "username", Map.of("type", "string"),
                                "email", Map.of("type", "string")),
                        "required", List.of("username", "email")))),
        tool(
            "test_elicitation_sep1034_defaults",
            NO_ARGUMENTS,
            (exchange, request) -> elicit(exchange, "Defaults for every type", defaults())),
        tool(
            "test_elicitation_sep1330_enums",
            NO_ARGUMENTS,
            (exchange, request) -> elicit(exchange, "Every kind of enum", enums())));
  }

  private static io.modelcontextprotocol.spec.McpSchema.CallToolResult elicit(
      McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
    ElicitResult answer =
        exchange.createElicitation(ElicitRequest.builder(message, schema).build());
    return text(
        "Elicitation completed: action=" + answer.action() + ", content=" + answer.content());
  }

  private static Map<String, Object> oneString(String name) {
    return Map.of(
        "type", "object",
        "properties", Map.of(name, Map.of("type", "string")),
        "required", List.of(name));
  }

  private static Map<String, Object> defaults() {
    return Map.of(
        "type",
        "object",
        "properties",
        Map.of(
            "name", Map.of("type", "string", "default", "John Doe"),
            "age", Map.of("type", "integer", "default", 30),
            "score", Map.of("type", "number", "default", 95.5),
            "status",
                Map.of(
                    "type",
                    "string",
                    "enum",
                    List.of("active", "inactive", "pending"),
                    "default",
                    "active"),
            "verified", Map.of("type", "boolean", "default", true)));
  }

  private static Map<String, Object> enums() {
    List<String> options = List.of("option1", "option2", "option3");
    return Map.of(
        "type",
        "object",
        "properties",
        Map.of(
            "untitledSingle", Map.of("type", "string", "enum", options),
            "titledSingle",
                Map.of(
                    "type",
                    "string",
                    "oneOf",
                    List.of(titled("value1", "First Option"), titled("value2", "Second Option"))),
            "legacyEnum",
                Map.of(
                    "type", "string",
                    "enum", List.of("opt1", "opt2", "opt3"),
                    "enumNames", List.of("Option One", "Option Two", "Option Three")),
            "untitledMulti",
                Map.of("type", "array", "items", Map.of("type", "string", "enum", options)),
            "titledMulti",
                Map.of(
                    "type",
                    "array",
                    "items",
                    Map.of(
                        "anyOf",
                        List.of(
                            titled("value1", "First Choice"),
                            titled("value2", "Second Choice"))))));
  }

  private static Map<String, Object> titled(String value, String title) {
    return Map.of("const", value, "title", title);
  }
}
