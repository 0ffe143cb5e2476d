package dev.warden.alert;

import dev.warden.config.AlertsConfig;
import dev.warden.config.AlertsConfig.Event;
import dev.warden.net.VirtualThreads;
import dev.warden.pipeline.Exchange;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every configured alert sink, each behind its own bounded queue and sender thread. {@link
 * #publish} runs when a request's reply is out, so sending never delays an agent.
 *
 * <p>Meters: {@code warden_alerts_total{sink, result=delivered|failed|dropped}} and {@code
 * warden_alerts_queued{sink}}.
 */
public final class Alerts implements MeterBinder, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  private final List<SinkQueue> sinks;
  private final HttpClient http;
  private final Duration drainTimeout;

  private Alerts(List<SinkQueue> sinks, HttpClient http, Duration drainTimeout) {
    this.sinks = List.copyOf(sinks);
    this.http = http;
    this.drainTimeout = drainTimeout;
  }

  /** Opens the sinks of {@code config}; {@code version} goes into every alert. */
  public static Alerts start(AlertsConfig config, String version) throws Exception {
    List<SinkQueue> sinks = new ArrayList<>();
    HttpClient http = config.webhooks().isEmpty() ? null : httpClient(config, version);
    for (AlertsConfig.Webhook w : config.webhooks()) {
      Backoff backoff = new Backoff(w.backoff(), w.maxBackoff(), new SplittableRandom());
      sinks.add(
          new SinkQueue(
              w.id(),
              w.on(),
              w.queueSize(),
              new WebhookSink(w, http, backoff, version, InstantSource.system())));
    }
    config
        .syslog()
        .ifPresent(
            s ->
                sinks.add(
                    new SinkQueue(
                        "syslog",
                        s.on(),
                        s.queueSize(),
                        new SyslogSink(
                            s,
                            new SyslogFrame(
                                s.format(),
                                s.facility(),
                                hostname(),
                                ProcessHandle.current().pid(),
                                version)))));
    config
        .file()
        .ifPresent(
            f -> sinks.add(new SinkQueue("file", f.on(), f.queueSize(), new FileSink(f, version))));
    return new Alerts(sinks, http, config.drainTimeout());
  }

  /** Whether no sink is configured, so there is nothing to publish. */
  public boolean isEmpty() {
    return sinks.isEmpty();
  }

  /** Raises the alert for a finished request, if it is one any sink takes. Never blocks. */
  public void publish(Exchange exchange) {
    Set<Event> events = Alert.eventsOf(exchange);
    if (events.isEmpty()) {
      return;
    }
    try {
      Alert alert = null;
      for (SinkQueue sink : sinks) {
        if (sink.wants(events)) {
          if (alert == null) {
            alert = Alert.of(exchange, events);
          }
          sink.offer(alert);
        }
      }
    } catch (RuntimeException e) {
      // A bug here must not keep the exchange's other completion listeners (the audit) from
      // running.
      log.error("alert for request {} not raised: {}", exchange.id(), e.toString());
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (SinkQueue sink : sinks) {
      counter(registry, sink, "delivered", SinkQueue::delivered);
      counter(registry, sink, "failed", SinkQueue::failed);
      counter(registry, sink, "dropped", SinkQueue::dropped);
      Gauge.builder("warden.alerts.queued", sink, SinkQueue::queued)
          .description("Alerts waiting to be sent, by sink")
          .tag("sink", sink.name())
          .register(registry);
    }
  }

  private static void counter(
      MeterRegistry registry, SinkQueue sink, String result, ToDoubleFunction<SinkQueue> count) {
    FunctionCounter.builder("warden.alerts", sink, count)
        .description(
            "Alerts by sink and result: delivered, failed (given up), dropped (queue full)")
        .tag("sink", sink.name())
        .tag("result", result)
        .register(registry);
  }

  /** Sends what is queued, for up to the drain timeout in all, then stops every sink. */
  @Override
  public void close() {
    Instant deadline = Instant.now().plus(drainTimeout);
    // Every sender drains at once; the deadline is shared, not per sink.
    List<Thread> closing = new ArrayList<>();
    for (SinkQueue sink : sinks) {
      closing.add(
          VirtualThreads.builder()
              .name("alerts-close-" + sink.name())
              .start(() -> sink.close(deadline)));
    }
    for (Thread t : closing) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (http != null) {
      try {
        http.stop();
      } catch (Exception e) {
        log.warn("stopping the alert HTTP client: {}", e.toString());
      }
    }
  }

  private static HttpClient httpClient(AlertsConfig config, String version) throws Exception {
    HttpClient client = new HttpClient();
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("alerts-http");
    pool.setVirtualThreadsExecutor(VirtualThreads.perTask());
    client.setExecutor(pool);
    client.setFollowRedirects(false);
    client.setConnectTimeout(
        config.webhooks().stream()
            .map(AlertsConfig.Webhook::timeout)
            .max(Duration::compareTo)
            .orElse(AlertsConfig.Webhook.DEFAULT_TIMEOUT)
            .toMillis());
    client.setUserAgentField(null);
    client.start();
    // A 401 or 407 is the receiver's final answer, not a challenge to negotiate.
    client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return client;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "-";
    }
  }
}
