package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded JSON-RPC message from a client. Requests are small, so the whole message is kept as a
 * tree; it is parsed exactly once, at the edge.
 *
 * @param id the request id exactly as sent (string or number), null for notifications
 * @param method null for responses
 * @param params the params object, null when absent
 * @param tree the whole message
 */
public record McpMessage(
    Kind kind, JsonNode id, String method, ObjectNode params, ObjectNode tree) {

  public enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE
  }

  public boolean isRequest() {
    return kind == Kind.REQUEST;
  }

  /** A string parameter, or "" when absent or not a string. */
  public String param(String name) {
    if (params == null) {
      return "";
    }
    JsonNode v = params.get(name);
    return v != null && v.isTextual() ? v.asText() : "";
  }
}
