package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionClaims;
import dev.warden.mcp.SessionStore;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.time.Instant;
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
    return initialize(exchange, false, false);
  }

  /**
   * {@code toolTasks}: an upstream that offers the persona tools runs task-augmented tools/call, so
   * {@code tasks} is announced (2025-11-25); {@code subscribe}: a server that offers the persona a
   * resource takes subscriptions, so {@code resources.subscribe} is announced.
   */
  Reply initialize(Exchange exchange, boolean toolTasks, boolean subscribe) {
    McpMessage m = exchange.message();
    if (m.params() == null || !m.params().path("protocolVersion").isTextual()) {
      return new Reply.Failure(
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion"));
    }
    String negotiated = ProtocolVersions.negotiate(m.params().path("protocolVersion").asText());
    JsonNode clientInfo = m.params().path("clientInfo");
    SessionClaims claims =
        SessionClaims.of(
                Instant.now(),
                exchange.principal().agent(),
                exchange.persona(),
                negotiated,
                m.params())
            .withUser(exchange.user());
    Session session =
        sessions.open(
            claims,
            clientInfo.isMissingNode() ? JsonNodeFactory.instance.objectNode() : clientInfo,
            m.params().path("capabilities"));
    exchange.session(session);

    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("protocolVersion", negotiated);
    ObjectNode capabilities = capabilities(subscribe);
    if (toolTasks) {
      ObjectNode tasks = capabilities.putObject("tasks");
      tasks.putObject("list");
      tasks.putObject("cancel");
      tasks.putObject("requests").putObject("tools").putObject("call");
    }
    result.set("capabilities", capabilities);
    result.set("serverInfo", serverInfo(exchange.persona()));
    String text = instructions(exchange.persona());
    if (!text.isBlank()) {
      result.put("instructions", text);
    }
    return new Reply.Result(result);
  }

  /**
   * What the persona's virtual server offers, in every era; {@code subscribe}: whether it takes
   * resource subscriptions ({@link PersonaLists#offersSubscriptions}).
   */
  ObjectNode capabilities(boolean subscribe) {
    ObjectNode caps = JsonNodeFactory.instance.objectNode();
    caps.putObject("tools").put("listChanged", true);
    caps.putObject("prompts").put("listChanged", true);
    ObjectNode resources = caps.putObject("resources");
    if (subscribe) {
      resources.put("subscribe", true);
    }
    resources.put("listChanged", true);
    caps.putObject("completions");
    caps.putObject("logging");
    return caps;
  }

  ObjectNode serverInfo(String persona) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("name", "warden-" + persona);
    info.put("title", "Warden · " + persona);
    info.put("version", version);
    return info;
  }

  /** The persona's description, given to the model; "" when it has none. */
  String instructions(String persona) {
    return instructions.getOrDefault(persona, "");
  }
}
