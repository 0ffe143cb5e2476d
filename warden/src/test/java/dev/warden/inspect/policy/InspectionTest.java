package dev.warden.inspect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.detect.Catalogue;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Detection;
import dev.warden.pipeline.Exchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionTest {
  static final DetectionEngine ENGINE = DetectionEngine.builtIn();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "AKIAQ3EGRTYUIOPZXCVB";

  private final Exchange exchange =
      new Exchange(
          "rec-1",
          "agent",
          new McpMessage(
              McpMessage.Kind.REQUEST,
              JsonNodeFactory.instance.numberNode(1),
              "tools/call",
              null,
              JsonNodeFactory.instance.objectNode()),
          n -> null,
          "127.0.0.1",
          0);

  private Inspection inspection(List<DataRule> rules) {
    return new Inspection(
        ENGINE,
        new DataPolicy(rules, Catalogue.secretAndCardTypes()),
        new Keyed(new byte[] {1, 2, 3}),
        Keyed.random(),
        exchange,
        "crm",
        Direction.RESPONSE);
  }

  @Test
  void rewritesStringValuesWithJsonEscapesAndKeepsTheRestOfTheTree() throws Exception {
    JsonNode tree =
        JSON.readTree(
            "{\"note\":\"he said \\\""
                + KEY
                + "\\\"\\n\\u00e9 done\",\"n\":7,"
                + "\"list\":[\"4111-1111-1111-1111\",null,{\"aws_key\":\""
                + KEY
                + "\"}]}");
    Inspection in = inspection(List.of());
    in.all(tree);
    assertThat(in.changed()).isTrue();
    assertThat(tree.get("note").asText())
        .isEqualTo("he said \"[REDACTED:AWS_ACCESS_KEY_ID]\"\né done");
    assertThat(tree.get("n").asInt()).isEqualTo(7);
    assertThat(tree.get("list").get(0).asText()).isEqualTo("[REDACTED:CARD_VISA]");
    assertThat(tree.get("list").get(1).isNull()).isTrue();
    assertThat(tree.get("list").get(2).get("aws_key").asText())
        .isEqualTo("[REDACTED:AWS_ACCESS_KEY_ID]");
    // Serialised again it is still JSON and holds no trace of the values.
    String out = JSON.writeValueAsString(tree);
    assertThat(JSON.readTree(out)).isEqualTo(tree);
    assertThat(out).doesNotContain(KEY, "1111-1111-1111");
    assertThat(exchange.findings()).containsEntry("response:AWS_ACCESS_KEY_ID", 2);
    assertThat(exchange.detections())
        .containsEntry(new Detection("response", "CARD_VISA", "redact"), 1);
  }

  @Test
  void alertLeavesTheValueAndCountsItAndKeysAreNeverRewritten() {
    JsonNode tree =
        JSON.createObjectNode().put("ana.lima@example.org", "write to ana.lima@example.org");
    Inspection in = inspection(List.of());
    in.all(tree);
    assertThat(in.changed()).isFalse();
    assertThat(tree.get("ana.lima@example.org").asText())
        .isEqualTo("write to ana.lima@example.org");
    assertThat(exchange.findings()).isEqualTo(Map.of("response:EMAIL_ADDRESS", 1));
  }

  @Test
  void maskTokenizeAndBlock() {
    List<DataRule> rules =
        List.of(
            new DataRule(
                "m",
                List.of(),
                List.of(),
                Direction.BOTH,
                List.of("CARD_VISA"),
                List.of(),
                Action.MASK,
                4),
            new DataRule(
                "t",
                List.of(),
                List.of(),
                Direction.BOTH,
                List.of("EMAIL_ADDRESS"),
                List.of(),
                Action.TOKENIZE,
                4),
            new DataRule(
                "b",
                List.of(),
                List.of(),
                Direction.BOTH,
                List.of("AWS_ACCESS_KEY_ID"),
                List.of(),
                Action.BLOCK,
                4));
    Inspection in = inspection(rules);
    assertThat(in.text("", "card 4111 1111 1111 1111.")).isEqualTo("card **** **** **** 1111.");
    String token = in.text("", "mail ana.lima@example.org");
    assertThat(token).matches("mail tok_[0-9a-f]{20}");
    assertThat(inspection(rules).text("", "mail ANA.lima@example.org")).isNotEqualTo(token);
    assertThat(inspection(rules).text("", "mail ana.lima@example.org")).isEqualTo(token);
    assertThat(in.blocked()).isEmpty();
    in.text("", "key " + KEY);
    assertThat(in.blocked()).contains(new Inspection.Blocked("b", "AWS_ACCESS_KEY_ID"));
  }

  @Test
  void maskKeepsSeparatorsAndOnlyTheLastLettersAndDigits() {
    assertThat(Replacement.mask("4111-1111-1111-1234", 4)).isEqualTo("****-****-****-1234");
    assertThat(Replacement.mask("abc", 0)).isEqualTo("***");
  }

  @Test
  void fingerprintsIgnoreSpacingDashesAndCaseButNeverHoldTheValue() {
    Keyed k = Keyed.random();
    assertThat(k.fingerprint("4111 1111 1111 1111"))
        .isEqualTo(k.fingerprint("4111-1111-1111-1111"));
    assertThat(k.fingerprint("A@b.org")).isEqualTo(k.fingerprint("a@B.org"));
    assertThat(k.fingerprint("4111 1111 1111 1111")).doesNotContain("4111").hasSize(32);
    assertThat(Keyed.random().fingerprint("x")).isNotEqualTo(k.fingerprint("x"));
  }
}
