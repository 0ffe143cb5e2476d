package dev.warden.alert;

import dev.warden.config.AlertsConfig.Event;
import dev.warden.pipeline.Detection;
import dev.warden.pipeline.Exchange;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one alert says about one finished request: the same metadata as its audit record (types and
 * counts of detections, never values; no arguments, bodies or credentials). The {@code requestId}
 * is the audit record's request id, so an alert leads straight to the record.
 *
 * @param events every reason for the alert, in the order denied, detection, error
 * @param user the end user the agent acted for; "" when not known
 * @param target the tool or prompt name, or resource URI, as the agent sent it (cut to {@value
 *     #MAX_TEXT} characters)
 */
public record Alert(
    Set<Event> events,
    Instant time,
    String requestId,
    String agent,
    String user,
    String persona,
    String server,
    String method,
    String target,
    String decision,
    String rule,
    List<Finding> findings,
    String upstreamError,
    int httpStatus,
    long latencyMicros,
    String clientAddress) {

  /** Longest text kept from what an agent sent (a tool name can be anything). */
  static final int MAX_TEXT = 256;

  /** One kind of sensitive value: where it travelled, its type, what was done, how often. */
  public record Finding(String direction, String type, String action, int count) {}

  public Alert {
    events = Set.copyOf(events);
    findings = List.copyOf(findings);
  }

  /** The events {@code ex} raises: denied, sensitive values found, and failures. */
  static Set<Event> eventsOf(Exchange ex) {
    Set<Event> events = EnumSet.noneOf(Event.class);
    if (ex.outcome() == Exchange.Outcome.DENIED) {
      events.add(Event.DENIED);
    }
    if (!ex.detections().isEmpty()) {
      events.add(Event.DETECTION);
    }
    if (ex.outcome() == Exchange.Outcome.ERROR || !ex.upstreamError().isEmpty()) {
      events.add(Event.ERROR);
    }
    return events;
  }

  /** The alert for a completed exchange. */
  static Alert of(Exchange ex, Set<Event> events) {
    List<Finding> findings =
        ex.detections().entrySet().stream()
            .map(e -> finding(e.getKey(), e.getValue()))
            .sorted(
                java.util.Comparator.comparing(Finding::direction)
                    .thenComparing(Finding::type)
                    .thenComparing(Finding::action))
            .toList();
    return new Alert(
        events,
        ex.time(),
        ex.id(),
        ex.principal() == null ? "" : ex.principal().agent(),
        ex.user(),
        cut(ex.persona()),
        ex.server(),
        cut(ex.method()),
        cut(ex.target()),
        ex.outcome().name().toLowerCase(Locale.ROOT),
        ex.rule(),
        findings,
        ex.upstreamError(),
        ex.httpStatus(),
        (System.nanoTime() - ex.startNanos()) / 1000,
        ex.clientAddress() == null ? "" : ex.clientAddress());
  }

  private static Finding finding(Detection d, int count) {
    return new Finding(d.direction(), d.type(), d.action(), count);
  }

  /** The event that names the alert: a denial first, then an error, then a detection. */
  public Event primary() {
    if (events.contains(Event.DENIED)) {
      return Event.DENIED;
    }
    return events.contains(Event.ERROR) ? Event.ERROR : Event.DETECTION;
  }

  /** Keys of {@link #events} in their fixed order. */
  public List<String> eventKeys() {
    return events.stream().sorted().map(Event::key).toList();
  }

  /**
   * Findings as {@code direction:type=count} pairs joined by ",", as the audit record stores them.
   */
  public String findingsText() {
    Map<String, Integer> byType = new java.util.TreeMap<>();
    findings.forEach(f -> byType.merge(f.direction() + ":" + f.type(), f.count(), Integer::sum));
    StringBuilder b = new StringBuilder();
    byType.forEach((k, n) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(n));
    return b.toString();
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
