package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tool of a declared MCP server.
 *
 * @param title human-readable name, or null
 * @param inputSchema JSON Schema of the arguments (an object schema)
 * @param outputSchema JSON Schema of {@link ToolResult#structuredContent()}, or null for none
 * @param handler runs on the request's thread; an exception becomes an {@code isError} result
 */
public record DemoTool(
    String name,
    String title,
    String description,
    JsonNode inputSchema,
    JsonNode outputSchema,
    Annotations annotations,
    Function<JsonNode, ToolResult> handler) {

  public DemoTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(handler, "handler");
  }

  /**
   * MCP tool annotations: hints a client may show or use for confirmation prompts. Null leaves a
   * hint out, so the protocol default applies (destructive and open-world unless said otherwise).
   */
  public record Annotations(
      Boolean readOnlyHint,
      Boolean destructiveHint,
      Boolean idempotentHint,
      Boolean openWorldHint) {

    /** Reads only; the call changes nothing and can be repeated. */
    public static Annotations readOnly() {
      return new Annotations(true, null, true, false);
    }

    /** Changes state inside this server's own data. */
    public static Annotations writes(boolean destructive, boolean idempotent) {
      return new Annotations(false, destructive, idempotent, false);
    }

    /** Reaches outside the server (sends mail, calls a third party). */
    public static Annotations reachesOut() {
      return new Annotations(false, false, false, true);
    }
  }
}
