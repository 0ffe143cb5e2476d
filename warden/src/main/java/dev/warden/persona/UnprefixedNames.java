package dev.warden.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Reply;
import java.util.Map;

/**
 * Translates between an unprefixed persona endpoint, which shows its one server's own names, and
 * the exposed names ({@code server__name}) the rest of the gateway works with: requests on the way
 * in, lists and unknown-name errors on the way out.
 */
final class UnprefixedNames {
  /** The list methods and the array field of their result. */
  private static final Map<String, String> LISTS =
      Map.of(
          "tools/list", "tools",
          "prompts/list", "prompts",
          "resources/list", "resources",
          "resources/templates/list", "resourceTemplates");

  private UnprefixedNames() {}

  /** The request with the names it is about turned into exposed names; others unchanged. */
  static McpMessage inbound(Persona persona, McpMessage m) {
    if (!m.isRequest() || m.params() == null) {
      return m;
    }
    ObjectNode params = m.params().deepCopy();
    switch (m.method()) {
      case "tools/call", "prompts/get" -> expose(persona, params);
      case "completion/complete" -> {
        if (params.get("ref") instanceof ObjectNode ref
            && ref.path("type").asText().equals("ref/prompt")) {
          expose(persona, ref);
        }
      }
      default -> {
        return m;
      }
    }
    ObjectNode tree = m.tree().deepCopy();
    tree.set("params", params);
    return new McpMessage(m.kind(), m.id(), m.method(), params, tree);
  }

  private static void expose(Persona persona, ObjectNode named) {
    JsonNode name = named.get("name");
    if (name != null && name.isTextual()) {
      named.put("name", persona.exposedName(name.asText()));
    }
  }

  /** The reply with exposed names turned back into the names agents of this endpoint use. */
  static Reply outbound(Persona persona, McpMessage request, Reply reply) {
    String field = request.method() == null ? null : LISTS.get(request.method());
    if (field != null && reply instanceof Reply.Result(JsonNode result)) {
      ObjectNode copy = result.deepCopy();
      for (JsonNode item : copy.path(field)) {
        if (item instanceof ObjectNode o && o.path("name").isTextual()) {
          o.put("name", persona.agentName(o.path("name").asText()));
        }
      }
      return new Reply.Result(copy);
    }
    if (reply instanceof Reply.Failure(JsonRpcError error, int status)
        && error.code() == JsonRpcError.INVALID_PARAMS) {
      String exposed = request.param("name");
      String agent = persona.agentName(exposed);
      if (!agent.equals(exposed) && error.message().endsWith(": " + exposed)) {
        String message =
            error.message().substring(0, error.message().length() - exposed.length()) + agent;
        return new Reply.Failure(new JsonRpcError(error.code(), message), status);
      }
    }
    return reply;
  }
}
