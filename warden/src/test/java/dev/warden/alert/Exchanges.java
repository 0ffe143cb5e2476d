package dev.warden.alert;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Detection;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Finished exchanges as the pipeline leaves them, for feeding {@link Alerts} directly. */
final class Exchanges {
  private Exchanges() {}

  static Exchange call(String id, String tool) {
    McpMessage m =
        new McpMessage(McpMessage.Kind.REQUEST, IntNode.valueOf(1), "tools/call", null, null);
    Exchange ex = new Exchange(id, "support", m, name -> null, "127.0.0.1", 42);
    ex.principal(new Principal("triage-bot", Set.of("support")));
    ex.route("tickets", tool);
    return ex;
  }

  static Exchange denied(String id, String tool, String rule) {
    Exchange ex = call(id, tool);
    ex.decide(Exchange.Outcome.DENIED, rule);
    ex.complete(200, 100);
    return ex;
  }

  static Exchange detected(String id, String type) {
    Exchange ex = call(id, "tickets__get_ticket");
    ex.detected(new Detection("response", type, "redact"));
    ex.detected(new Detection("response", type, "redact"));
    ex.complete(200, 100);
    return ex;
  }

  static Exchange failed(String id, String kind) {
    Exchange ex = call(id, "tickets__get_ticket");
    ex.upstreamError(kind);
    ex.decide(Exchange.Outcome.ERROR, "jsonrpc:-32603");
    ex.complete(200, 100);
    return ex;
  }

  static Exchange passed(String id) {
    Exchange ex = call(id, "tickets__get_ticket");
    ex.complete(200, 100);
    return ex;
  }

  /** Waits up to {@code limit} for {@code condition}; false when it never held. */
  static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
