package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a tool handler returns: one text content block and, for tools that declare an output schema,
 * the same value as structured content.
 *
 * @param text the text content shown to the model
 * @param structuredContent the value as JSON, or null; sent only when the tool declares an
 *     outputSchema, so a tool without one never returns unvalidated structure
 * @param isError true when the call failed in a way the model should read (bad arguments, no such
 *     record); protocol errors are JSON-RPC errors instead
 */
public record ToolResult(String text, JsonNode structuredContent, boolean isError) {
  public ToolResult {
    Objects.requireNonNull(text, "text");
  }

  /** A JSON value as text content, and as structured content when it is an object. */
  public static ToolResult json(JsonNode value) {
    return new ToolResult(Json.write(value), value.isObject() ? value : null, false);
  }

  public static ToolResult text(String text) {
    return new ToolResult(text, null, false);
  }

  public static ToolResult error(String message) {
    return new ToolResult(message, null, true);
  }
}
