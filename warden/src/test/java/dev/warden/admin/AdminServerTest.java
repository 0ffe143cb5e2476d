package dev.warden.admin;

import static dev.warden.admin.AdminClient.errorCode;
import static dev.warden.admin.AdminClient.json;
import static dev.warden.admin.CanaryConfig.ADMIN_AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.audit.GatewayMetrics;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin listener over real HTTP: probes, metrics and the errors every path shares. */
class AdminServerTest {
  private static final AtomicReference<String> STATUS = new AtomicReference<>("ok");

  private static GatewayMetrics metrics;
  private static AdminServer server;
  private static AdminClient client;

  @BeforeAll
  static void start() throws Exception {
    metrics = new GatewayMetrics();
    server = AdminServer.start(CanaryConfig.withCanaryToken(), metrics, STATUS::get);
    client = new AdminClient(server.uri());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    metrics.close();
  }

  @Test
  void bindsAFreePortWhenAskedForZero() {
    assertThat(server.port()).isPositive();
    assertThat(server.uri()).hasToString("http://127.0.0.1:" + server.port() + "/");
  }

  @Test
  void healthzSaysOkWithoutAToken() throws Exception {
    var response = client.get("/healthz", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"status\":\"ok\"}"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void healthzIsUnavailableWhileStarting() throws Exception {
    STATUS.set("starting");
    try {
      var response = client.get("/healthz", null);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(json(response)).isEqualTo(json("{\"status\":\"starting\"}"));
    } finally {
      STATUS.set("ok");
    }
  }

  @Test
  void metricsServesPrometheusTextWithGatewayMetrics() throws Exception {
    metrics.recordCall("support-triage", "tickets", "tools/call", "tickets__get", "ok", 2_000_000);
    metrics.recordDenial("support-triage", "persona-scope");
    metrics.recordUpstreamError("tickets", "timeout");
    metrics.registerSessionGauge(() -> 3);

    var response = client.get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains(
            "warden_calls_total{method=\"tools/call\",outcome=\"ok\",persona=\"support-triage\","
                + "server=\"tickets\",tool=\"tickets__get\"} 1.0")
        .contains("warden_call_duration_seconds_bucket{")
        .contains("warden_denials_total{persona=\"support-triage\",rule=\"persona-scope\"} 1.0")
        .contains("warden_upstream_errors_total{kind=\"timeout\",server=\"tickets\"} 1.0")
        .contains("warden_sessions_active 3.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void doesNotAnnounceTheServerVersion() throws Exception {
    assertThat(client.get("/healthz", null).headers().firstValue("Server")).isEmpty();
  }

  @Test
  void answersNotFoundOutsideTheServedPaths() throws Exception {
    var response = client.get("/console", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(errorCode(response)).isEqualTo("not_found");
  }

  @Test
  void answersMalformedRequestsInTheErrorShape() throws Exception {
    var response = client.get("/admin/api/v1/servers/%2e%2e%2fagents", ADMIN_AUTH);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(errorCode(response)).isEqualTo("bad_request");
  }

  @Test
  void answersMethodNotAllowedForAnythingButGet() throws Exception {
    for (String path : new String[] {"/healthz", "/metrics", "/admin/api/v1/servers"}) {
      var response = client.send("DELETE", path, ADMIN_AUTH);

      assertThat(response.statusCode()).as(path).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(path).hasValue("GET");
      assertThat(errorCode(response)).as(path).isEqualTo("method_not_allowed");
    }
  }
}
