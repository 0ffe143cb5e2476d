package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.Optional;
import java.util.Set;

/**
 * Client messages that concern the session's upstream sessions rather than one server: answers to
 * requests upstreams sent, cancellations, roots changes and the log level.
 */
final class ClientMessages {
  /** Client notifications every open upstream session of the session is told about. */
  private static final Set<String> FORWARDED =
      Set.of("notifications/cancelled", "notifications/roots/list_changed");

  private static final Set<String> LEVELS =
      Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private ClientMessages() {}

  /** A client's answer to a request an upstream sent it; unknown ids get an error (HTTP 400). */
  static Reply answer(Exchange exchange) {
    Session session = exchange.session();
    exchange.target("response");
    Optional<JsonRpcError> refused = session.serverRequests().answer(exchange.message().tree());
    if (refused.isPresent()) {
      exchange.decide(Exchange.Outcome.ERROR, "relay:unknown-id");
      return new Reply.Failure(refused.get(), 400);
    }
    return new Reply.Accepted();
  }

  /**
   * Cancellations go to every open upstream session: request ids pass through unchanged, only the
   * server running a request knows it, and the others ignore an id they do not have in flight.
   */
  static void notification(Exchange exchange) {
    McpMessage m = exchange.message();
    if (exchange.era() == ProtocolEra.STATELESS) {
      cancelInFlight(exchange, m);
      return;
    }
    if (exchange.session() != null && FORWARDED.contains(m.method())) {
      exchange.session().notifyUpstreams(JsonRpcCodec.bytes(m.tree()));
    }
  }

  /**
   * A 2026-07-28 client's session is shared by all its conversations at the persona, so a
   * cancellation is not sent to every upstream: it stops the call in flight under that request id,
   * on the server that runs it. Other notifications of that era concern no upstream.
   */
  private static void cancelInFlight(Exchange exchange, McpMessage m) {
    if (exchange.session() == null || !m.method().equals("notifications/cancelled")) {
      return;
    }
    JsonNode params = m.params();
    JsonNode id = params == null ? null : params.get("requestId");
    JsonNode reason = params == null ? null : params.get("reason");
    if (id != null && (id.isTextual() || id.isIntegralNumber())) {
      exchange.target(id.asText());
      exchange
          .session()
          .calls()
          .cancel(id, reason != null && reason.isTextual() ? reason.asText() : null);
    }
  }

  /** Recorded for upstream sessions opened later, and passed to those already open. */
  static Reply setLevel(Exchange exchange) {
    String level = exchange.message().param("level");
    if (!LEVELS.contains(level)) {
      return new Reply.Failure(
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "unknown log level: " + level));
    }
    Session session = exchange.session();
    session.logLevel(level);
    session.notifyUpstreams(JsonRpcCodec.bytes(exchange.message().tree()));
    return new Reply.Result(JsonNodeFactory.instance.objectNode());
  }
}
