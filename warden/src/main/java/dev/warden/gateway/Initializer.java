package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionStore;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.Map;

/** Answers initialize for a persona endpoint: one virtual server per persona. */
final class Initializer {
  private final SessionStore sessions;
  private final Map<String, String> instructions;
  private final String version;

  /** {@code instructions}: persona id to the description given to the model. */
  Initializer(SessionStore sessions, Map<String, String> instructions, String version) {
    this.sessions = sessions;
    this.instructions = Map.copyOf(instructions);
    this.version = version;
  }

  Reply initialize(Exchange exchange) {
    McpMessage m = exchange.message();
    if (m.params() == null || !m.params().path("protocolVersion").isTextual()) {
      return new Reply.Failure(
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion"));
    }
    String negotiated = ProtocolVersions.negotiate(m.params().path("protocolVersion").asText());
    JsonNode clientInfo = m.params().path("clientInfo");
    Session session =
        new Session(
            SessionStore.newId(),
            exchange.principal().agent(),
            exchange.persona(),
            negotiated,
            clientInfo.isMissingNode() ? JsonNodeFactory.instance.objectNode() : clientInfo,
            m.params().path("capabilities"));
    sessions.add(session);
    exchange.session(session);

    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("protocolVersion", negotiated);
    ObjectNode caps = result.putObject("capabilities");
    caps.putObject("tools").put("listChanged", true);
    caps.putObject("prompts").put("listChanged", true);
    caps.putObject("resources").put("listChanged", true);
    caps.putObject("completions");
    caps.putObject("logging");
    ObjectNode info = result.putObject("serverInfo");
    info.put("name", "warden-" + exchange.persona());
    info.put("title", "Warden · " + exchange.persona());
    info.put("version", version);
    String text = instructions.getOrDefault(exchange.persona(), "");
    if (!text.isBlank()) {
      result.put("instructions", text);
    }
    return new Reply.Result(result);
  }
}
