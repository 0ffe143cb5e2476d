package dev.warden.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's metrics: the one place their names and tags live. Meters are cached per tag
 * combination so recording a call is a map lookup, not a registry lookup.
 *
 * <p>Tag values can come from agents (a persona in the URL, a method name), so the number of series
 * per meter is capped; past the cap new combinations are counted under {@value #OVERFLOW}.
 */
public final class GatewayMetrics implements AutoCloseable {
  public static final String OK = "ok";
  public static final String ERROR = "error";
  public static final String DENIED = "denied";

  /** Stands in for an empty tag value, which Prometheus would drop. */
  static final String EMPTY = "-";

  /** The tag value used for every combination past {@link #MAX_SERIES}. */
  static final String OVERFLOW = "_overflow";

  /** Series per meter before folding into {@value #OVERFLOW}; far above any sane registry. */
  static final int MAX_SERIES = 10_000;

  /**
   * The histogram's bucket boundaries: where a latency SLO is usually drawn, from a cached answer
   * to a slow tool. histogram_quantile() interpolates between them.
   */
  static final List<Duration> SLO_BUCKETS =
      List.of(
          Duration.ofMillis(1).dividedBy(2),
          Duration.ofMillis(1),
          Duration.ofMillis(5).dividedBy(2),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30));

  private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);

  private record CallKey(
      String persona, String server, String method, String tool, String outcome) {}

  private record CallMeters(Counter calls, Timer duration) {}

  private record DenialKey(String persona, String rule) {}

  private record UpstreamErrorKey(String server, String kind) {}

  private record DetectionKey(String type, String direction, String action) {}

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final Map<CallKey, CallMeters> calls = new ConcurrentHashMap<>();
  private final Map<DenialKey, Counter> denials = new ConcurrentHashMap<>();
  private final Map<UpstreamErrorKey, Counter> upstreamErrors = new ConcurrentHashMap<>();
  private final Map<DetectionKey, Counter> detections = new ConcurrentHashMap<>();
  private final AtomicBoolean overflowLogged = new AtomicBoolean();

  public GatewayMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * One request that reached the gateway and was answered.
   *
   * @param method the JSON-RPC method, e.g. {@code tools/call}
   * @param tool the exposed tool name, or empty for methods that name no tool
   * @param outcome {@link #OK}, {@link #ERROR} or {@link #DENIED}
   */
  public void recordCall(
      String persona, String server, String method, String tool, String outcome, long nanos) {
    CallKey key = new CallKey(tag(persona), tag(server), tag(method), tag(tool), tag(outcome));
    CallKey overflow = new CallKey(OVERFLOW, OVERFLOW, OVERFLOW, OVERFLOW, key.outcome());
    CallMeters meters = cached(calls, key, overflow, this::callMeters);
    meters.calls().increment();
    meters.duration().record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A request stopped by {@code rule} (a persona scope, an argument rule, a rate limit, ...). */
  public void recordDenial(String persona, String rule) {
    DenialKey key = new DenialKey(tag(persona), tag(rule));
    cached(denials, key, new DenialKey(OVERFLOW, OVERFLOW), this::denialCounter).increment();
  }

  /** An upstream that failed to answer; {@code kind} says how (timeout, connect, protocol, ...). */
  public void recordUpstreamError(String server, String kind) {
    UpstreamErrorKey key = new UpstreamErrorKey(tag(server), tag(kind));
    cached(upstreamErrors, key, new UpstreamErrorKey(OVERFLOW, OVERFLOW), this::upstreamCounter)
        .increment();
  }

  /**
   * Sensitive values found, by detector type (a bounded set: the engine's catalogue), direction
   * ({@code request}/{@code response}) and what was done with them.
   */
  public void recordDetections(String type, String direction, String action, int count) {
    DetectionKey key = new DetectionKey(tag(type), tag(direction), tag(action));
    cached(detections, key, new DetectionKey(OVERFLOW, OVERFLOW, OVERFLOW), this::detectionCounter)
        .increment(count);
  }

  /** Reports the number of open downstream sessions; the supplier is read at each scrape. */
  public void registerSessionGauge(Supplier<Number> activeSessions) {
    Gauge.builder("warden.sessions.active", activeSessions)
        .description("Downstream MCP sessions currently open")
        .strongReference(true)
        .register(registry);
  }

  /** Every meter in the Prometheus text exposition format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  /** For components that bind their own meters (the HTTP server, connection pools). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }

  private CallMeters callMeters(CallKey key) {
    Counter counter =
        Counter.builder("warden.calls")
            .description("Requests answered by the gateway, by outcome")
            .tag("persona", key.persona())
            .tag("server", key.server())
            .tag("tool", key.tool())
            .tag("method", key.method())
            .tag("outcome", key.outcome())
            .register(registry);
    // The timer leaves the outcome out so latency percentiles cover every answer of a tool.
    Timer timer =
        Timer.builder("warden.call.duration")
            .description("Time from request to answer, through the gateway")
            .tag("persona", key.persona())
            .tag("server", key.server())
            .tag("method", key.method())
            .tag("tool", key.tool())
            // Only the SLO boundaries: Micrometer's own percentile buckets would add ~75 odd
            // boundaries per series between 0.5 ms and 30 s, for every persona x tool.
            .publishPercentileHistogram(false)
            .serviceLevelObjectives(SLO_BUCKETS.toArray(Duration[]::new))
            .register(registry);
    return new CallMeters(counter, timer);
  }

  private Counter denialCounter(DenialKey key) {
    return Counter.builder("warden.denials")
        .description("Requests denied by policy, by the rule that decided")
        .tag("persona", key.persona())
        .tag("rule", key.rule())
        .register(registry);
  }

  private Counter detectionCounter(DetectionKey key) {
    return Counter.builder("warden.detections")
        .description("Sensitive values found in requests and responses, by type and action")
        .tag("type", key.type())
        .tag("direction", key.direction())
        .tag("action", key.action())
        .register(registry);
  }

  private Counter upstreamCounter(UpstreamErrorKey key) {
    return Counter.builder("warden.upstream.errors")
        .description("Upstream calls that failed, by kind of failure")
        .tag("server", key.server())
        .tag("kind", key.kind())
        .register(registry);
  }

  private <K, M> M cached(Map<K, M> cache, K key, K overflow, Function<K, M> create) {
    M meter = cache.get(key);
    if (meter != null) {
      return meter;
    }
    if (cache.size() >= MAX_SERIES) {
      // Once, not per call: this is the request path.
      if (overflowLogged.compareAndSet(false, true)) {
        log.warn(
            "metric series limit {} reached; new tag values count as {}", MAX_SERIES, OVERFLOW);
      }
      return cache.computeIfAbsent(overflow, create);
    }
    return cache.computeIfAbsent(key, create);
  }

  private static String tag(String value) {
    return value == null || value.isEmpty() ? EMPTY : value;
  }
}
