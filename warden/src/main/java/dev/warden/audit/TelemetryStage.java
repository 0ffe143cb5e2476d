package dev.warden.audit;

import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Set;

/**
 * Outermost stage: records the outcome of every request that reached the gateway, denials included,
 * once its reply has been written. Labels come only from bounded sets (known methods, configured
 * personas, catalogued tools), so an agent cannot blow up metric cardinality.
 */
public final class TelemetryStage implements Stage {
  private static final Set<String> METHODS =
      Set.of(
          "initialize",
          "ping",
          "tools/list",
          "tools/call",
          "prompts/list",
          "prompts/get",
          "resources/list",
          "resources/templates/list",
          "resources/read",
          "resources/subscribe",
          "resources/unsubscribe",
          "completion/complete",
          "logging/setLevel",
          "tasks/get",
          "tasks/result",
          "tasks/list",
          "tasks/cancel",
          "tasks/update",
          "notifications/initialized",
          "notifications/cancelled",
          "notifications/progress",
          "notifications/roots/list_changed",
          "warden/transport/stream",
          "warden/transport/end-session");

  /** Methods whose target is a catalogued name; resource URIs are unbounded and stay out. */
  private static final Set<String> NAMED =
      Set.of(
          "tools/call", "prompts/get", "tasks/get", "tasks/result", "tasks/cancel", "tasks/update");

  private final GatewayMetrics metrics;
  private final Set<String> personas;

  public TelemetryStage(GatewayMetrics metrics, Set<String> personas) {
    this.metrics = metrics;
    this.personas = Set.copyOf(personas);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Reply reply = next.proceed(exchange);
    exchange.decide(reply);
    exchange.onComplete(this::record);
    return reply;
  }

  private void record(Exchange ex) {
    String persona = personas.contains(ex.persona()) ? ex.persona() : "-";
    String method = METHODS.contains(ex.method()) ? ex.method() : "other";
    boolean routed = !ex.server().isEmpty();
    String outcome = ex.outcome().name().toLowerCase(java.util.Locale.ROOT);
    metrics.recordCall(
        persona,
        routed ? ex.server() : "-",
        method,
        routed && NAMED.contains(method) ? ex.target() : "-",
        outcome,
        System.nanoTime() - ex.startNanos());
    ex.detections()
        .forEach((d, n) -> metrics.recordDetections(d.type(), d.direction(), d.action(), n));
    if (ex.outcome() == Exchange.Outcome.DENIED) {
      metrics.recordDenial(persona, ex.rule());
    }
  }
}
