package dev.warden.admin;

import static dev.warden.admin.AdminClient.errorCode;
import static dev.warden.admin.AdminClient.json;
import static dev.warden.admin.CanaryConfig.ADMIN_AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.audit.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/api/v1/scan} over real HTTP. */
class ScanApiTest {
  private static final String SCAN = "/admin/api/v1/scan";

  private static GatewayMetrics metrics;
  private static AdminServer server;
  private static AdminClient client;

  @BeforeAll
  static void start() throws Exception {
    metrics = new GatewayMetrics();
    server = AdminServer.start(CanaryConfig.withCanaryToken(), metrics, () -> "ok");
    client = new AdminClient(server.uri());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    metrics.close();
  }

  @Test
  void answersTheFindingsWithoutTheValues() throws Exception {
    String text = "{\"card\": \"4111 1111 1111 1111\", \"ssn\": \"536-22-8726\"}";

    var response = client.post(SCAN, ADMIN_AUTH, text.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            json(
                """
                {"findings": [
                  {"type": "CARD_VISA", "start": 10, "end": 29, "confidence": "HIGH",
                   "frameworks": ["GDPR", "PCI-DSS", "SOC2"]},
                  {"type": "US_SSN", "start": 40, "end": 51, "confidence": "MEDIUM",
                   "frameworks": ["GDPR", "GLBA", "HIPAA", "SOC2"]}
                ]}
                """));
    assertThat(response.body()).doesNotContain("4111").doesNotContain("8726");
  }

  @Test
  void answersAnEmptyListForBenignText() throws Exception {
    var response = client.post(SCAN, ADMIN_AUTH, "{\"order_id\": \"123456789\"}".getBytes());

    assertThat(json(response).path("findings").isEmpty()).isTrue();
  }

  @Test
  void requiresTheAdminToken() throws Exception {
    var response = client.post(SCAN, null, "4111 1111 1111 1111".getBytes());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(errorCode(response)).isEqualTo("unauthorized");
  }

  @Test
  void refusesABodyOverFourMebibytes() throws Exception {
    byte[] body = new byte[ScanApi.MAX_BODY + 1];
    Arrays.fill(body, (byte) 'a');

    var response = client.post(SCAN, ADMIN_AUTH, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(errorCode(response)).isEqualTo("payload_too_large");
  }

  @Test
  void allowsOnlyPost() throws Exception {
    var response = client.get(SCAN, ADMIN_AUTH);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }
}
