package dev.warden.inspect.policy;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.config.DataProtectionConfig.Trust;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.LogCapture;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inline sensitive-data protection through a real gateway, real SDK upstreams and clients. */
class SensitiveDataIT {
  static final String AWS_KEY = "AKIAQ3EGRTYUIOPZXCVB";
  static final String CARD = "4111 1111 1111 1111";
  static final String EMAIL = "ana.lima@example.org";
  static final String OTHER_EMAIL = "bo.berg@example.net";
  static final String CUSTOMER =
      "Customer Ana, email " + EMAIL + ", card " + CARD + ", key " + AWS_KEY;

  static SdkUpstream crm;
  static SdkUpstream hook;
  static GatewayHarness harness;
  static LogCapture logs;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.start();
    crm =
        SdkUpstream.start(
            "crm",
            Map.of(
                "get_customer", args -> CUSTOMER,
                "echo", args -> "echo " + args.get("text")));
    crm.addStructuredTool(
        "get_record",
        args -> {
          Map<String, Object> record = new LinkedHashMap<>();
          record.put("name", "Ana \"the \\ client\"\n");
          record.put("card", CARD);
          record.put("nested", List.of(Map.of("key", AWS_KEY), 42, true));
          return record;
        });
    crm.addTool(
        "chatty",
        (exchange, args) -> {
          exchange.loggingNotification(
              LoggingMessageNotification.builder(LoggingLevel.WARNING, "charging card " + CARD)
                  .logger("chatty")
                  .build());
          return "charged " + CARD;
        });
    hook = SdkUpstream.start("hook", Map.of("post", args -> "posted"));
    DataProtectionConfig dp =
        new DataProtectionConfig(
            Optional.empty(),
            List.of(
                rule(
                    "keys-out",
                    List.of(),
                    List.of("hook"),
                    Direction.REQUEST,
                    List.of("AWS_ACCESS_KEY_ID"),
                    Action.BLOCK),
                rule(
                    "finance-cards",
                    List.of("finance"),
                    List.of(),
                    Direction.RESPONSE,
                    List.of("CARD_VISA"),
                    Action.MASK),
                rule(
                    "finance-emails",
                    List.of("finance"),
                    List.of("crm"),
                    Direction.BOTH,
                    List.of("EMAIL_ADDRESS"),
                    Action.TOKENIZE)),
            new Trust(List.of("external", "prod"), Action.BLOCK));
    harness =
        GatewayHarness.start(
            GatewayHarness.withDataProtection(
                GatewayHarness.config(
                    List.of(
                        ServerConfig.streamableHttp("crm", crm.url()).withLabels("prod"),
                        ServerConfig.streamableHttp("hook", hook.url()).withLabels("external")),
                    List.of(persona("agent", "crm__*", "hook__*"), persona("finance", "crm__*")),
                    List.of(agent("bot", "key-bot", "agent"), agent("fin", "key-fin", "finance"))),
                dp));
  }

  static DataRule rule(
      String id,
      List<String> personas,
      List<String> servers,
      Direction direction,
      List<String> types,
      Action action) {
    return new DataRule(id, personas, servers, direction, types, List.of(), action, 4);
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    crm.close();
    hook.close();
    List<String> lines = logs.lines();
    logs.close();
    // No value planted by these tests ever reaches a log line.
    assertThat(lines).noneMatch(l -> l.contains(AWS_KEY) || l.contains(CARD) || l.contains(EMAIL));
  }

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  @Test
  void defaultPolicyRedactsAwsKeyAndCardInToolResultAndAlertsOnEmail() {
    McpSyncClient client = harness.client("agent", "key-bot");
    String text = text(call(client, "crm__get_customer", Map.of()));
    assertThat(text)
        .contains("[REDACTED:AWS_ACCESS_KEY_ID]", "[REDACTED:CARD_VISA]", EMAIL)
        .doesNotContain(AWS_KEY, CARD);
  }

  @Test
  void structuredContentAndItsJsonTextStayValidJson() throws Exception {
    McpSyncClient client = harness.client("agent", "key-bot");
    McpSchema.CallToolResult r = call(client, "crm__get_record", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
    assertThat(structured.get("card")).isEqualTo("[REDACTED:CARD_VISA]");
    assertThat(structured.get("name")).isEqualTo("Ana \"the \\ client\"\n");
    assertThat(structured.get("nested").toString()).contains("[REDACTED:AWS_ACCESS_KEY_ID]", "42");
    JsonNode fromText = new ObjectMapper().readTree(text(r));
    assertThat(fromText.get("card").asText()).isEqualTo("[REDACTED:CARD_VISA]");
    assertThat(fromText.get("name").asText()).isEqualTo("Ana \"the \\ client\"\n");
    assertThat(text(r)).doesNotContain(AWS_KEY, "1111 1111");
  }

  @Test
  void blockRuleOnRequestDeniesTheCallNamingRuleAndTypeAndUpstreamNeverSeesIt() {
    McpSyncClient client = harness.client("agent", "key-bot");
    int before = hook.calls().size();
    McpSchema.CallToolResult r = call(client, "hook__post", Map.of("body", "use " + AWS_KEY));
    assertThat(r.isError()).isTrue();
    assertThat(text(r)).contains("data:keys-out", "AWS_ACCESS_KEY_ID").doesNotContain(AWS_KEY);
    assertThat(hook.calls()).hasSize(before);
  }

  @Test
  void ruleSelectionIsPerServerSoOtherServersGetTheDefaultRedaction() {
    McpSyncClient client = harness.client("agent", "key-bot");
    String text = text(call(client, "crm__echo", Map.of("text", "key " + AWS_KEY)));
    assertThat(text).isEqualTo("echo key [REDACTED:AWS_ACCESS_KEY_ID]");
    assertThat(crm.calls())
        .anyMatch(c -> c.arguments().equals(Map.of("text", "key [REDACTED:AWS_ACCESS_KEY_ID]")))
        .noneMatch(c -> c.arguments().toString().contains(AWS_KEY));
  }

  @Test
  void maskRuleForOnePersonaKeepsTheLastFourDigits() {
    McpSyncClient finance = harness.client("finance", "key-fin");
    String text = text(call(finance, "crm__get_customer", Map.of()));
    assertThat(text).contains("card **** **** **** 1111,").doesNotContain(CARD);
    // The other persona still gets the default for cards.
    McpSyncClient agent = harness.client("agent", "key-bot");
    assertThat(text(call(agent, "crm__get_customer", Map.of()))).contains("[REDACTED:CARD_VISA]");
  }

  @Test
  void tokenizeIsStableWithinTheProcessAndHidesTheValue() {
    McpSyncClient finance = harness.client("finance", "key-fin");
    String first = text(call(finance, "crm__get_customer", Map.of()));
    String second = text(call(harness.client("finance", "key-fin"), "crm__get_customer", Map.of()));
    assertThat(first).doesNotContain(EMAIL).containsPattern("email tok_[0-9a-f]{20},");
    String token = first.replaceAll("(?s).*email (tok_[0-9a-f]{20}),.*", "$1");
    assertThat(second).contains(token);
  }

  @Test
  void valueSeenFromProdIsBlockedOnItsWayToAnExternalServer() {
    McpSyncClient client = harness.client("agent", "key-bot");
    int before = hook.calls().size();
    // Unrelated value: allowed.
    assertThat(call(client, "hook__post", Map.of("to", OTHER_EMAIL)).isError()).isFalse();
    assertThat(text(call(client, "crm__get_customer", Map.of()))).contains(EMAIL);
    McpSchema.CallToolResult r = call(client, "hook__post", Map.of("to", "mail " + EMAIL));
    assertThat(r.isError()).isTrue();
    assertThat(text(r)).contains("data:trust-hop", "EMAIL_ADDRESS", "hook").doesNotContain(EMAIL);
    assertThat(hook.calls()).hasSize(before + 1);
    // Another session never saw the value: its call passes.
    McpSyncClient fresh = harness.client("agent", "key-bot");
    assertThat(call(fresh, "hook__post", Map.of("to", EMAIL)).isError()).isFalse();
  }

  @Test
  void sseReplyWithLogBeforeTheAnswerIsRewrittenInOrder() {
    List<String> logged = new CopyOnWriteArrayList<>();
    McpSyncClient client =
        harness.client(
            "agent",
            "key-bot",
            List.of(),
            spec -> spec.loggingConsumer(n -> logged.add(String.valueOf(n.data()))));
    String text = text(call(client, "crm__chatty", Map.of()));
    assertThat(text).isEqualTo("charged [REDACTED:CARD_VISA]");
    // The SDK client hands notifications to its consumer on another thread: wait, bounded.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (logged.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(logged).containsExactly("charging card [REDACTED:CARD_VISA]");
  }
}
