package dev.warden.alert;

import static dev.warden.alert.Exchanges.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.AlertsConfig;
import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Webhook;
import dev.warden.config.Secret;
import dev.warden.testing.HttpStub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {
  static final String SECRET = "whsec-0123456789abcdef0123456789";
  static final Duration WAIT = Duration.ofSeconds(10);

  static Webhook hook(URI url, String secret, int attempts, int queue) {
    return new Webhook(
        "ops",
        Secret.of(url.toString(), "env:HOOK_URL"),
        Secret.of(secret, "env:HOOK_SECRET"),
        Event.ALL,
        Duration.ofSeconds(2),
        attempts,
        Duration.ofMillis(20),
        Duration.ofMillis(200),
        Map.of("X-Team", Secret.literal("secops")),
        queue);
  }

  static Alerts alerts(Webhook... hooks) throws Exception {
    return Alerts.start(AlertsConfig.NONE.withWebhooks(List.of(hooks)), "1.2.3");
  }

  @Test
  void deliversSignedJsonThatTheReceiverVerifies() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET, d -> 204);
        Alerts alerts = alerts(hook(receiver.url(), SECRET, 3, 10))) {
      alerts.publish(Exchanges.denied("req-1", "tickets__delete", "persona:tools"));
      assertThat(await(WAIT, () -> receiver.verified().size() == 1)).isTrue();
      WebhookReceiver.Delivery d = receiver.verified().getFirst();
      assertThat(d.alert().get("schema").asText()).isEqualTo("warden.alert/v1");
      assertThat(d.alert().get("event").asText()).isEqualTo("denied");
      assertThat(d.alert().get("request_id").asText()).isEqualTo("req-1");
      assertThat(d.alert().get("rule").asText()).isEqualTo("persona:tools");
      assertThat(d.alert().get("warden_version").asText()).isEqualTo("1.2.3");
      assertThat(d.header("Content-Type")).startsWith("application/json");
      assertThat(d.header("X-Warden-Event")).isEqualTo("denied");
      assertThat(d.header("X-Team")).isEqualTo("secops");
      assertThat(d.header("User-Agent")).isEqualTo("Warden/1.2.3");
      assertThat(receiver.rejected()).isEmpty();
    }
  }

  @Test
  void aReceiverWithAnotherSecretRejectsTheSignatureAndIsNotRetried() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("another-secret-0123456789", d -> 204);
        Alerts alerts = alerts(hook(receiver.url(), SECRET, 3, 10))) {
      alerts.publish(Exchanges.denied("req-2", "tickets__delete", "persona:tools"));
      assertThat(await(WAIT, () -> receiver.rejected().size() == 1)).isTrue();
      Thread.sleep(300);
      assertThat(receiver.received()).hasSize(1);
      assertThat(receiver.verified()).isEmpty();
    }
  }

  @Test
  void retriesAfter503WithTheSameDeliveryIdAndAFreshSignature() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (WebhookReceiver receiver =
            new WebhookReceiver(SECRET, d -> calls.incrementAndGet() == 1 ? 503 : 200);
        Alerts alerts = alerts(hook(receiver.url(), SECRET, 3, 10))) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      alerts.bindTo(registry);
      alerts.publish(Exchanges.failed("req-3", "timeout"));
      assertThat(await(WAIT, () -> receiver.verified().size() == 2)).isTrue();
      List<WebhookReceiver.Delivery> got = receiver.verified();
      assertThat(got.get(0).header("X-Warden-Delivery"))
          .isNotBlank()
          .isEqualTo(got.get(1).header("X-Warden-Delivery"));
      assertThat(got.get(0).header("X-Warden-Attempt")).isEqualTo("1");
      assertThat(got.get(1).header("X-Warden-Attempt")).isEqualTo("2");
      assertThat(got.get(1).alert()).isEqualTo(got.get(0).alert());
      assertThat(
              await(
                  WAIT,
                  () ->
                      registry
                          .scrape()
                          .contains("warden_alerts_total{result=\"delivered\",sink=\"ops\"} 1.0")))
          .as(registry.scrape())
          .isTrue();
      Thread.sleep(200);
      assertThat(receiver.received()).hasSize(2);
    }
  }

  @Test
  void doesNotRetryA400AndCountsTheFailure() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET, d -> 400);
        Alerts alerts = alerts(hook(receiver.url(), SECRET, 5, 10))) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      alerts.bindTo(registry);
      alerts.publish(Exchanges.denied("req-4", "tickets__delete", "persona:tools"));
      assertThat(
              await(
                  WAIT,
                  () ->
                      registry
                          .scrape()
                          .contains("warden_alerts_total{result=\"failed\",sink=\"ops\"} 1.0")))
          .isTrue();
      Thread.sleep(300);
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void honoursRetryAfterOn429AndGivesUpAfterMaxAttempts() throws Exception {
    try (HttpStub stub =
            HttpStub.start(
                r -> new HttpStub.Answer(429, "text/plain", "", List.of("Retry-After", "1")));
        Alerts alerts =
            Alerts.start(
                AlertsConfig.NONE.withWebhooks(
                    List.of(
                        new Webhook(
                            "slow",
                            Secret.literal(stub.url().toString()),
                            Secret.of(SECRET, "env:S"),
                            Event.ALL,
                            Duration.ofSeconds(2),
                            2,
                            Duration.ofMillis(10),
                            Duration.ofSeconds(5),
                            Map.of(),
                            10))),
                "t")) {
      long start = System.nanoTime();
      alerts.publish(Exchanges.denied("req-5", "x", "persona:tools"));
      assertThat(await(WAIT, () -> stub.received().size() == 2)).isTrue();
      // The 10 ms backoff would retry at once; Retry-After: 1 holds the retry for a second.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
      Thread.sleep(300);
      assertThat(stub.received()).hasSize(2);
    }
  }

  @Test
  void retriesWhenNobodyListensThenGivesUp() throws Exception {
    URI nobody = HttpStub.nobodyListening();
    try (Alerts alerts = alerts(hook(nobody, SECRET, 3, 10))) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      alerts.bindTo(registry);
      alerts.publish(Exchanges.denied("req-6", "x", "persona:tools"));
      assertThat(
              await(
                  WAIT,
                  () ->
                      registry
                          .scrape()
                          .contains("warden_alerts_total{result=\"failed\",sink=\"ops\"} 1.0")))
          .isTrue();
    }
  }

  @Test
  void aFullQueueDropsTheOldestAndCountsIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (WebhookReceiver receiver =
            new WebhookReceiver(
                SECRET,
                d -> {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return 200;
                });
        Alerts alerts = alerts(hook(receiver.url(), SECRET, 1, 2))) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      alerts.bindTo(registry);
      alerts.publish(Exchanges.denied("first", "x", "persona:tools"));
      assertThat(await(WAIT, () -> receiver.verified().size() == 1)).isTrue();
      // The sender is held by the receiver; the queue holds two, so "a" and "b" are dropped.
      for (String id : List.of("a", "b", "c", "d")) {
        alerts.publish(Exchanges.denied(id, "x", "persona:tools"));
      }
      assertThat(registry.scrape())
          .contains("warden_alerts_total{result=\"dropped\",sink=\"ops\"} 2.0")
          .contains("warden_alerts_queued{sink=\"ops\"} 2.0");
      release.countDown();
      assertThat(await(WAIT, () -> receiver.verified().size() == 3)).isTrue();
      assertThat(receiver.verified().stream().map(d -> d.alert().get("request_id").asText()))
          .containsExactly("first", "c", "d");
    }
  }

  @Test
  void closeSendsWhatIsQueuedAndGivesUpAtTheDeadline() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (WebhookReceiver receiver =
        new WebhookReceiver(
            SECRET,
            d -> {
              try {
                never.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 200;
            })) {
      Webhook hook = hook(receiver.url(), SECRET, 1, 10);
      Alerts alerts =
          Alerts.start(
              new AlertsConfig(
                  List.of(hook),
                  java.util.Optional.empty(),
                  java.util.Optional.empty(),
                  Duration.ofMillis(500)),
              "t");
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      alerts.bindTo(registry);
      alerts.publish(Exchanges.denied("held", "x", "persona:tools"));
      alerts.publish(Exchanges.denied("queued", "x", "persona:tools"));
      assertThat(await(WAIT, () -> receiver.received().size() == 1)).isTrue();
      long start = System.nanoTime();
      alerts.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      // The one being sent when the deadline passed and the one behind it are both counted.
      assertThat(registry.scrape())
          .contains("warden_alerts_total{result=\"dropped\",sink=\"ops\"} 2.0");
      never.countDown();
    }
  }

  @Test
  void onlyTheSelectedEventsAreSent() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET, d -> 200)) {
      Webhook h = hook(receiver.url(), SECRET, 1, 10);
      Webhook deniedOnly =
          new Webhook(
              h.id(),
              h.url(),
              h.secret(),
              Set.of(Event.DENIED),
              h.timeout(),
              h.maxAttempts(),
              h.backoff(),
              h.maxBackoff(),
              h.headers(),
              h.queueSize());
      try (Alerts alerts = alerts(deniedOnly)) {
        alerts.publish(Exchanges.passed("ok"));
        alerts.publish(Exchanges.detected("found", "EMAIL_ADDRESS"));
        alerts.publish(Exchanges.failed("broken", "connect"));
        alerts.publish(Exchanges.denied("no", "x", "persona:tools"));
        assertThat(await(WAIT, () -> receiver.verified().size() == 1)).isTrue();
        Thread.sleep(300);
      }
      assertThat(receiver.verified())
          .singleElement()
          .satisfies(d -> assertThat(d.alert().get("request_id").asText()).isEqualTo("no"));
    }
  }
}
