package dev.warden.alert;

import static dev.warden.alert.Exchanges.await;
import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.AlertsConfig;
import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Format;
import dev.warden.config.AlertsConfig.Protocol;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts raised by a real gateway (audit storage off) for calls from the official MCP SDK client,
 * read by a signature-checking webhook receiver, a UDP syslog receiver and the alert file.
 */
class AlertsIT {
  static final String AGENT_KEY = "agent-key-7f3a9c2e51d04b8e";
  static final String AWS_KEY = "AKIAQ3EGRTYUIOPZXCVB";
  static final String SECRET = "whsec-it-5a1b2c3d4e5f60718293";
  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  static SdkUpstream desk;
  static WebhookReceiver webhook;
  static DatagramSocket syslog;
  static final List<String> datagrams = new CopyOnWriteArrayList<>();
  static GatewayHarness harness;
  static Path file;

  @BeforeAll
  static void start() throws Exception {
    desk =
        SdkUpstream.start(
            "desk",
            Map.of("get_ticket", args -> "ticket 7: printer on fire", "post", args -> "posted"));
    webhook = new WebhookReceiver(SECRET, d -> 200);
    syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(AlertsIT::receiveSyslog);
    file = dir.resolve("alerts.jsonl");
    AlertsConfig alerts =
        AlertsConfig.NONE
            .withWebhooks(
                List.of(
                    new AlertsConfig.Webhook(
                        "soc",
                        dev.warden.config.Secret.of(webhook.url().toString(), "env:HOOK_URL"),
                        dev.warden.config.Secret.of(SECRET, "env:HOOK_SECRET"),
                        Event.ALL,
                        Duration.ofSeconds(2),
                        3,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(1),
                        Map.of(),
                        100)))
            .withSyslog(
                new AlertsConfig.Syslog(
                    Protocol.UDP,
                    "127.0.0.1",
                    syslog.getLocalPort(),
                    Format.CEF,
                    16,
                    Event.ALL,
                    Duration.ofSeconds(2),
                    100))
            .withFile(new AlertsConfig.File(file, Format.JSON, Event.ALL, 1 << 20, 2, 100));
    DataProtectionConfig dp =
        new DataProtectionConfig(
            Optional.empty(),
            List.of(
                new DataRule(
                    "keys-out",
                    List.of(),
                    List.of("desk"),
                    Direction.REQUEST,
                    List.of("AWS_ACCESS_KEY_ID"),
                    List.of(),
                    Action.BLOCK,
                    4)),
            DataProtectionConfig.Trust.NONE);
    harness =
        GatewayHarness.start(
            GatewayHarness.withDataProtection(
                    GatewayHarness.config(
                        List.of(ServerConfig.streamableHttp("desk", desk.url())),
                        List.of(persona("triage", "desk__get_ticket", "desk__post")),
                        List.of(agent("triage-bot", AGENT_KEY, "triage"))),
                    dp)
                .withAlerts(alerts));
  }

  private static void receiveSyslog() {
    byte[] buffer = new byte[65_536];
    while (!syslog.isClosed()) {
      DatagramPacket p = new DatagramPacket(buffer, buffer.length);
      try {
        syslog.receive(p);
        datagrams.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        return;
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    desk.close();
    webhook.close();
    syslog.close();
  }

  static List<JsonNode> alertsFor(String tool) {
    return webhook.verified().stream()
        .map(WebhookReceiver.Delivery::alert)
        .filter(a -> a.get("tool").asText().equals(tool))
        .toList();
  }

  @Test
  void aToolOutsideThePersonaRaisesExactlyOneDeniedAlertOnEverySink() throws Exception {
    McpSyncClient client = harness.client("triage", AGENT_KEY);
    int before = webhook.received().size();
    Throwable refused =
        catchThrowable(
            () -> client.callTool(new McpSchema.CallToolRequest("desk__delete_all", Map.of())));
    assertThat(refused).isNotNull();
    assertThat(await(WAIT, () -> alertsFor("desk__delete_all").size() == 1)).isTrue();
    Thread.sleep(500); // a second alert or a retry would have arrived by now
    assertThat(webhook.received()).hasSize(before + 1);
    JsonNode alert = alertsFor("desk__delete_all").getFirst();
    assertThat(alert.get("events").toString()).isEqualTo("[\"denied\"]");
    assertThat(alert.get("decision").asText()).isEqualTo("denied");
    assertThat(alert.get("rule").asText()).isEqualTo("persona:tools");
    assertThat(alert.get("agent").asText()).isEqualTo("triage-bot");
    assertThat(alert.get("persona").asText()).isEqualTo("triage");
    assertThat(alert.get("method").asText()).isEqualTo("tools/call");
    assertThat(alert.get("server").asText()).isEmpty(); // it never reached routing
    String id = alert.get("request_id").asText();
    assertThat(await(WAIT, () -> datagrams.stream().anyMatch(d -> d.contains(id)))).isTrue();
    assertThat(datagrams.stream().filter(d -> d.contains("externalId=" + id))).hasSize(1);
    assertThat(await(WAIT, () -> fileLines().stream().anyMatch(l -> l.contains(id)))).isTrue();
    assertThat(fileLines().stream().filter(l -> l.contains(id))).hasSize(1);
  }

  @Test
  void aSensitiveDataBlockRaisesOneAlertNamingTheTypeNeverTheValue() throws Exception {
    McpSyncClient client = harness.client("triage", AGENT_KEY);
    McpSchema.CallToolResult r =
        client.callTool(
            new McpSchema.CallToolRequest("desk__post", Map.of("body", "key " + AWS_KEY)));
    assertThat(r.isError()).isTrue();
    String reason = ((McpSchema.TextContent) r.content().getFirst()).text();
    assertThat(await(WAIT, () -> alertsFor("desk__post").size() == 1)).isTrue();
    Thread.sleep(500);
    assertThat(alertsFor("desk__post")).hasSize(1);
    JsonNode alert = alertsFor("desk__post").getFirst();
    // The agent's refusal names the request id, which leads to this alert (and the audit record).
    assertThat(reason).contains(alert.get("request_id").asText(), "data:keys-out");
    assertThat(alert.get("events").toString()).isEqualTo("[\"denied\",\"detection\"]");
    assertThat(alert.get("rule").asText()).isEqualTo("data:keys-out");
    assertThat(alert.get("server").asText()).isEqualTo("desk"); // known before routing
    JsonNode finding = alert.get("findings").get(0);
    assertThat(finding.get("type").asText()).isEqualTo("AWS_ACCESS_KEY_ID");
    assertThat(finding.get("direction").asText()).isEqualTo("request");
    assertThat(finding.get("count").asInt()).isEqualTo(1);
    assertThat(
            await(
                WAIT,
                () ->
                    datagrams.stream().anyMatch(d -> d.contains("AWS_ACCESS_KEY_ID"))
                        && fileLines().stream().anyMatch(l -> l.contains("AWS_ACCESS_KEY_ID"))))
        .isTrue();
    assertNoSecretInAnyAlert();
  }

  @Test
  void anAllowedCleanCallRaisesNothing() throws Exception {
    McpSyncClient client = harness.client("triage", AGENT_KEY);
    int before = webhook.received().size();
    client.callTool(new McpSchema.CallToolRequest("desk__get_ticket", Map.of("id", 7)));
    Thread.sleep(500);
    assertThat(webhook.received()).hasSize(before);
    assertThat(alertsFor("desk__get_ticket")).isEmpty();
  }

  /** The detected value, the agent's key and the signing secret appear in no payload or header. */
  static void assertNoSecretInAnyAlert() throws Exception {
    List<String> everything = new java.util.ArrayList<>();
    webhook.received().forEach(r -> everything.add(r.headers() + " " + r.body()));
    everything.addAll(datagrams);
    everything.addAll(fileLines());
    assertThat(everything).isNotEmpty();
    assertThat(everything)
        .noneMatch(s -> s.contains(AWS_KEY) || s.contains(AGENT_KEY) || s.contains(SECRET));
  }

  static List<String> fileLines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
