package dev.warden.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON-RPC methods of one declared MCP server. Every outcome is decided before a byte is
 * written, so a handler failure can never leave half a response on the wire.
 */
final class McpMethods {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int RESOURCE_NOT_FOUND = -32002;

  /** What a request comes to: a result to stream, or a JSON-RPC error. */
  sealed interface Outcome {}

  record Success(ResultWriter writer) implements Outcome {}

  record Failure(int code, String message) implements Outcome {}

  /** Writes the value of the "result" member. */
  @FunctionalInterface
  interface ResultWriter {
    void write(JsonGenerator g) throws IOException;
  }

  private static final Success EMPTY =
      new Success(
          g -> {
            g.writeStartObject();
            g.writeEndObject();
          });

  private final McpServerSpec spec;
  private final Listings listings;
  private final Map<String, DemoTool> tools;
  private final Map<String, DemoPrompt> prompts;
  private final Map<String, DemoResource> resources;
  private final List<Map.Entry<UriTemplate, DemoResourceTemplate>> templates;

  McpMethods(McpServerSpec spec) {
    this.spec = spec;
    this.listings = Listings.of(spec);
    this.tools = index(spec.tools(), DemoTool::name);
    this.prompts = index(spec.prompts(), DemoPrompt::name);
    this.resources = index(spec.resources(), DemoResource::uri);
    this.templates =
        spec.resourceTemplates().stream()
            .map(t -> Map.entry(new UriTemplate(t.uriTemplate()), t))
            .toList();
  }

  Success initialize(String protocolVersion) {
    return new Success(
        g -> {
          g.writeStartObject();
          g.writeStringField("protocolVersion", protocolVersion);
          g.writeFieldName("capabilities");
          g.writeRawValue(listings.capabilities());
          g.writeObjectFieldStart("serverInfo");
          g.writeStringField("name", spec.name());
          g.writeStringField("version", spec.version());
          g.writeEndObject();
          if (spec.instructions() != null) {
            g.writeStringField("instructions", spec.instructions());
          }
          g.writeEndObject();
        });
  }

  Outcome call(String method, JsonNode params) {
    return switch (method) {
      case "ping" -> EMPTY;
      case "tools/list" -> raw(listings.tools());
      case "tools/call" -> callTool(params);
      case "prompts/list" -> spec.hasPrompts() ? raw(listings.prompts()) : notFound(method);
      case "prompts/get" -> spec.hasPrompts() ? getPrompt(params) : notFound(method);
      case "resources/list" -> spec.hasResources() ? raw(listings.resources()) : notFound(method);
      case "resources/templates/list" ->
          spec.hasResources() ? raw(listings.templates()) : notFound(method);
      case "resources/read" -> spec.hasResources() ? readResource(params) : notFound(method);
      default -> notFound(method);
    };
  }

  private Outcome callTool(JsonNode params) {
    String name = params.path("name").textValue();
    if (name == null) {
      return new Failure(INVALID_PARAMS, "Missing tool name");
    }
    DemoTool tool = tools.get(name);
    if (tool == null) {
      return new Failure(INVALID_PARAMS, "Unknown tool: " + name);
    }
    JsonNode arguments = params.path("arguments");
    if (!arguments.isObject()) {
      arguments = Json.object();
    }
    ToolResult result;
    try {
      result = tool.handler().apply(arguments);
    } catch (RuntimeException e) {
      // Execution failures go back to the model as a result it can read, not a protocol error.
      result = ToolResult.error(tool.name() + " failed: " + e.getMessage());
    }
    ToolResult done = result;
    JsonNode structured = tool.outputSchema() == null ? null : done.structuredContent();
    return new Success(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "text");
          g.writeStringField("text", done.text());
          g.writeEndObject();
          g.writeEndArray();
          if (structured != null) {
            g.writeFieldName("structuredContent");
            g.writeTree(structured);
          }
          g.writeBooleanField("isError", done.isError());
          g.writeEndObject();
        });
  }

  private Outcome getPrompt(JsonNode params) {
    String name = params.path("name").textValue();
    DemoPrompt prompt = name == null ? null : prompts.get(name);
    if (prompt == null) {
      return new Failure(INVALID_PARAMS, "Unknown prompt: " + name);
    }
    Map<String, String> args = new LinkedHashMap<>();
    params.path("arguments").properties().forEach(e -> args.put(e.getKey(), e.getValue().asText()));
    for (DemoPrompt.Argument arg : prompt.arguments()) {
      if (arg.required() && !args.containsKey(arg.name())) {
        return new Failure(INVALID_PARAMS, "Missing required argument: " + arg.name());
      }
    }
    List<DemoPrompt.Message> messages;
    try {
      messages = prompt.handler().apply(args);
    } catch (IllegalArgumentException e) {
      return new Failure(INVALID_PARAMS, e.getMessage());
    }
    return new Success(
        g -> {
          g.writeStartObject();
          if (prompt.description() != null) {
            g.writeStringField("description", prompt.description());
          }
          g.writeArrayFieldStart("messages");
          for (DemoPrompt.Message m : messages) {
            g.writeStartObject();
            g.writeStringField("role", m.role());
            g.writeObjectFieldStart("content");
            g.writeStringField("type", "text");
            g.writeStringField("text", m.text());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private Outcome readResource(JsonNode params) {
    String uri = params.path("uri").textValue();
    if (uri == null) {
      return new Failure(INVALID_PARAMS, "Missing uri");
    }
    DemoResource listed = resources.get(uri);
    if (listed != null) {
      Optional<String> text = listed.reader().get();
      if (text.isPresent()) {
        return contents(uri, listed.mimeType(), text.get());
      }
    }
    for (Map.Entry<UriTemplate, DemoResourceTemplate> t : templates) {
      Optional<String> text = t.getKey().match(uri).flatMap(t.getValue().reader());
      if (text.isPresent()) {
        return contents(uri, t.getValue().mimeType(), text.get());
      }
    }
    return new Failure(RESOURCE_NOT_FOUND, "Resource not found: " + uri);
  }

  private static Success contents(String uri, String mimeType, String text) {
    return new Success(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("contents");
          g.writeStartObject();
          g.writeStringField("uri", uri);
          g.writeStringField("mimeType", mimeType);
          g.writeStringField("text", text);
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static Success raw(String json) {
    return new Success(g -> g.writeRawValue(json));
  }

  private static Failure notFound(String method) {
    return new Failure(METHOD_NOT_FOUND, "Method not found: " + method);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    return items.stream()
        .collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> a));
  }
}
