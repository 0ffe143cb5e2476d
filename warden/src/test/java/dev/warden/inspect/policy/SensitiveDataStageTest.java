package dev.warden.inspect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.DetectionEngine;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.UpstreamReply;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stage alone, with a scripted rest-of-pipeline in place of routing. */
class SensitiveDataStageTest {
  static final DetectionEngine ENGINE = DetectionEngine.builtIn();
  static final String KEY = "AKIAQ3EGRTYUIOPZXCVB";

  static SensitiveDataStage stage(DataRule... rules) {
    return new SensitiveDataStage(
        ENGINE,
        new DataProtectionConfig(Optional.empty(), List.of(rules), DataProtectionConfig.Trust.NONE),
        Map.of("docs", List.of()),
        uri -> Optional.of("docs"));
  }

  static DataRule rule(String id, Direction d, Action a) {
    return new DataRule(id, List.of(), List.of(), d, List.of(), List.of(), a, 4);
  }

  static Exchange exchange(String method, ObjectNode params) {
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(7),
            method,
            params,
            JsonNodeFactory.instance.objectNode());
    return new Exchange("rec-9", "p", m, n -> null, "127.0.0.1", 0);
  }

  static Reply.Relay relay(String body) {
    return new Reply.Relay(
        "docs",
        new UpstreamReply(
            UpstreamReply.Framing.JSON,
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
            () -> {}));
  }

  @Test
  void blockedResourceAnswerBecomesAJsonRpcErrorNamingRuleAndTypeNotTheValue() {
    Exchange ex =
        exchange("resources/read", JsonNodeFactory.instance.objectNode().put("uri", "doc://1"));
    Reply r =
        stage(rule("no-keys", Direction.RESPONSE, Action.BLOCK))
            .apply(
                ex,
                e ->
                    relay(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"contents\":[{\"uri\":\"doc://1\","
                            + "\"text\":\"key "
                            + KEY
                            + "\"}]}}"));
    assertThat(r).isInstanceOf(Reply.Failure.class);
    String message = ((Reply.Failure) r).error().message();
    assertThat(message).contains("data:no-keys", "AWS_ACCESS_KEY_ID", "rec-9").doesNotContain(KEY);
    assertThat(ex.outcome()).isEqualTo(Exchange.Outcome.DENIED);
    assertThat(ex.findings()).containsEntry("response:AWS_ACCESS_KEY_ID", 1);
  }

  @Test
  void whereRulesCanOnlyAlertTheRelayPassesUnread() {
    Exchange ex =
        exchange("tools/call", JsonNodeFactory.instance.objectNode().put("name", "docs__get"));
    Reply.Relay relay = relay("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
    Reply r = stage(rule("quiet", Direction.BOTH, Action.ALERT)).apply(ex, e -> relay);
    assertThat(r).isSameAs(relay);
  }

  @Test
  void anAnswerToAnotherRequestIsAnUpstreamErrorAndNeverRelayed() {
    Exchange ex =
        exchange("tools/call", JsonNodeFactory.instance.objectNode().put("name", "docs__get"));
    Reply r =
        stage()
            .apply(
                ex,
                e -> relay("{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{\"x\":\"" + KEY + "\"}}"));
    assertThat(r).isInstanceOf(Reply.Failure.class);
    assertThat(ex.rule()).isEqualTo("upstream:protocol");
  }

  @Test
  void requestBlockedBeforeTheRestOfThePipelineRuns() {
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "docs__put");
    params.putObject("arguments").put("body", "key " + KEY);
    Reply r =
        stage(rule("keys-in", Direction.REQUEST, Action.BLOCK))
            .apply(
                exchange("tools/call", params),
                e -> {
                  throw new AssertionError("must not be routed");
                });
    assertThat(r).isInstanceOf(Reply.Denied.class);
    assertThat(((Reply.Denied) r).denial().rule()).isEqualTo("data:keys-in");
    assertThat(((Reply.Denied) r).denial().reason())
        .contains("AWS_ACCESS_KEY_ID")
        .doesNotContain(KEY);
  }
}
