package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  private static final String GET_TICKET =
      "method=\"tools/call\",persona=\"support\",server=\"tickets\",tool=\"tickets__get\"";

  private final GatewayMetrics metrics = new GatewayMetrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void countsCallsByOutcome() {
    metrics.recordCall("support", "tickets", "tools/call", "tickets__get", "ok", ms(3));
    metrics.recordCall(
        "support", "tickets", "tools/call", "tickets__get", GatewayMetrics.OK, ms(4));
    metrics.recordCall(
        "support", "tickets", "tools/call", "tickets__get", GatewayMetrics.DENIED, ms(1));

    assertThat(metrics.scrape())
        .contains(
            "warden_calls_total{method=\"tools/call\",outcome=\"ok\",persona=\"support\","
                + "server=\"tickets\",tool=\"tickets__get\"} 2.0")
        .contains(
            "warden_calls_total{method=\"tools/call\",outcome=\"denied\",persona=\"support\","
                + "server=\"tickets\",tool=\"tickets__get\"} 1.0");
  }

  @Test
  void countsDetectionsByTypeDirectionAndAction() {
    metrics.recordDetections("CARD_VISA", "response", "redact", 2);
    metrics.recordDetections("CARD_VISA", "response", "redact", 1);

    assertThat(metrics.scrape())
        .contains(
            "warden_detections_total{action=\"redact\",direction=\"response\","
                + "type=\"CARD_VISA\"} 3.0");
  }

  @Test
  void timesCallsInSloBucketsAcrossOutcomes() {
    metrics.recordCall("support", "tickets", "tools/call", "tickets__get", "ok", ms(3));
    metrics.recordCall("support", "tickets", "tools/call", "tickets__get", "error", ms(40));

    String text = metrics.scrape();

    assertThat(text)
        .contains("# TYPE warden_call_duration_seconds histogram")
        .contains(bucket("5.0E-4") + " 0")
        .contains(bucket("0.0025") + " 0")
        .contains(bucket("0.005") + " 1")
        .contains(bucket("0.05") + " 2")
        .contains(bucket("30.0") + " 2")
        .contains(bucket("+Inf") + " 2")
        .contains("warden_call_duration_seconds_count{" + GET_TICKET + "} 2")
        .contains("warden_call_duration_seconds_sum{" + GET_TICKET + "} 0.043");
    assertThat(text.lines().filter(l -> l.startsWith("warden_call_duration_seconds_bucket{")))
        .as("one line per SLO boundary plus +Inf")
        .hasSize(GatewayMetrics.SLO_BUCKETS.size() + 1);
  }

  @Test
  void writesDashForEmptyTagValues() {
    metrics.recordCall("support", "tickets", "tools/list", "", "ok", ms(1));
    metrics.recordDenial("support", null);

    assertThat(metrics.scrape())
        .contains(
            "warden_calls_total{method=\"tools/list\",outcome=\"ok\",persona=\"support\","
                + "server=\"tickets\",tool=\"-\"} 1.0")
        .contains("warden_denials_total{persona=\"support\",rule=\"-\"} 1.0");
  }

  @Test
  void countsDenialsAndUpstreamErrors() {
    metrics.recordDenial("support", "persona-scope");
    metrics.recordDenial("support", "persona-scope");
    metrics.recordUpstreamError("tickets", "timeout");

    assertThat(metrics.scrape())
        .contains("warden_denials_total{persona=\"support\",rule=\"persona-scope\"} 2.0")
        .contains("warden_upstream_errors_total{kind=\"timeout\",server=\"tickets\"} 1.0");
  }

  @Test
  void readsActiveSessionsAtScrapeTime() {
    AtomicInteger sessions = new AtomicInteger(2);
    metrics.registerSessionGauge(sessions::get);
    sessions.set(5);

    assertThat(metrics.scrape()).contains("warden_sessions_active 5.0");
  }

  @Test
  void bindsJvmMetrics() {
    assertThat(metrics.scrape())
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads")
        .contains("system_cpu_count");
  }

  @Test
  void foldsTagValuesPastTheSeriesLimitIntoOverflow() {
    for (int i = 0; i <= GatewayMetrics.MAX_SERIES; i++) {
      metrics.recordDenial("persona-" + i, "persona-scope");
    }
    metrics.recordDenial("one-more", "persona-scope");

    String text = metrics.scrape();

    assertThat(text)
        .contains("warden_denials_total{persona=\"_overflow\",rule=\"_overflow\"} 2.0")
        .doesNotContain("persona=\"one-more\"");
    assertThat(
            text.lines()
                .filter(l -> l.startsWith("warden_denials_total{"))
                .map(l -> l.substring(0, l.indexOf('}')))
                .distinct())
        .hasSize(GatewayMetrics.MAX_SERIES + 1);
  }

  @Test
  void keepsCountingExistingSeriesPastTheLimit() {
    for (int i = 0; i < GatewayMetrics.MAX_SERIES; i++) {
      metrics.recordUpstreamError("server-" + i, "connect");
    }
    metrics.recordUpstreamError("server-7", "connect");

    assertThat(metrics.scrape())
        .contains("warden_upstream_errors_total{kind=\"connect\",server=\"server-7\"} 2.0");
  }

  private static String bucket(String le) {
    return "warden_call_duration_seconds_bucket{" + GET_TICKET + ",le=\"" + le + "\"}";
  }

  private static long ms(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
