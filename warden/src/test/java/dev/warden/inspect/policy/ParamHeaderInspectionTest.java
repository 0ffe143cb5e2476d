package dev.warden.inspect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.ProtocolEra;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Mcp-Param headers a tool does not mark, read by the sensitive-data stage on the way in. */
class ParamHeaderInspectionTest {
  static final String CARD = "4111111111111111";

  static SensitiveDataStage stage(DataRule... rules) {
    return new SensitiveDataStage(
        SensitiveDataStageTest.ENGINE,
        new DataProtectionConfig(Optional.empty(), List.of(rules), DataProtectionConfig.Trust.NONE),
        Map.of("docs", List.of()),
        uri -> Optional.of("docs"),
        tool -> List.of(new ParamHeaders.Param("region", "Region")));
  }

  static Exchange call(ProtocolEra era, Map<String, String> headers) {
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "docs__route");
    params.putObject("arguments").put("region", "eu");
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(7),
            "tools/call",
            params,
            JsonNodeFactory.instance.objectNode());
    Exchange.Headers h =
        new Exchange.Headers() {
          @Override
          public String get(String name) {
            return headers.get(name);
          }

          @Override
          public Map<String, String> startingWith(String prefix) {
            return headers;
          }
        };
    Exchange ex = new Exchange("rec-9", "p", m, h, "127.0.0.1", 0);
    ex.era(era);
    return ex;
  }

  /** The Mcp-Param headers the rest of the pipeline sees. */
  static Map<String, String> routed(SensitiveDataStage stage, Exchange ex) {
    AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    stage.apply(
        ex,
        e -> {
          seen.set(e.headers().startingWith(ParamHeaders.LOWER_PREFIX));
          return new Reply.Result(JsonNodeFactory.instance.objectNode());
        });
    return seen.get();
  }

  @Test
  void redactsACardInAnUndeclaredHeaderByDefault() {
    Exchange ex = call(ProtocolEra.STATELESS, Map.of("mcp-param-note", "card-" + CARD));
    assertThat(routed(stage(), ex)).containsEntry("mcp-param-note", "card-[REDACTED:CARD_VISA]");
    assertThat(ex.findings()).containsEntry("request:CARD_VISA", 1);
  }

  @Test
  void aRewriteTooLongForAHeaderDropsTheHeaderRatherThanSendingItAsItCame() {
    String many = (CARD + " ").repeat(480); // 8,160 bytes; each card redacted grows by 4
    assertThat(many.length()).isLessThanOrEqualTo(ParamHeaders.MAX_VALUE_BYTES);
    Exchange ex =
        call(ProtocolEra.STATELESS, Map.of("mcp-param-note", many, "mcp-param-tenant", "acme"));
    Map<String, String> routed = routed(stage(), ex);
    assertThat(routed)
        .doesNotContainKey("mcp-param-note")
        .containsEntry("mcp-param-tenant", "acme");
    assertThat(ex.findings()).containsEntry("request:CARD_VISA", 480);
  }

  @Test
  void decodesTheBase64FormAndEncodesARewriteThatIsNotPlainAscii() {
    // "Zürich 4111111111111111" in the base64 form
    String sent =
        "=?base64?"
            + java.util.Base64.getEncoder()
                .encodeToString(
                    ("Zürich " + CARD).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "?=";
    Exchange ex = call(ProtocolEra.STATELESS, Map.of("mcp-param-note", sent));
    String now = routed(stage(), ex).get("mcp-param-note");
    assertThat(now).startsWith("=?base64?");
    assertThat(dev.warden.mcp.HeaderValues.decode(now)).isEqualTo("Zürich [REDACTED:CARD_VISA]");
  }

  @Test
  void aBlockingRuleRefusesTheCallBeforeRouting() {
    Exchange ex = call(ProtocolEra.STATELESS, Map.of("mcp-param-note", CARD));
    Reply r =
        stage(
                new DataRule(
                    "no-cards",
                    List.of(),
                    List.of(),
                    Direction.REQUEST,
                    List.of(),
                    List.of(),
                    Action.BLOCK,
                    4))
            .apply(
                ex,
                e -> {
                  throw new AssertionError("must not be routed");
                });
    assertThat(r).isInstanceOf(Reply.Denied.class);
    assertThat(((Reply.Denied) r).denial().rule()).isEqualTo("data:no-cards");
    assertThat(((Reply.Denied) r).denial().reason()).doesNotContain(CARD);
  }

  @Test
  void declaredHeadersAndCleanOnesAreLeftAsTheyCame() {
    Exchange ex =
        call(ProtocolEra.STATELESS, Map.of("mcp-param-region", CARD, "mcp-param-tenant", "acme"));
    assertThat(routed(stage(), ex))
        .containsEntry("mcp-param-region", CARD)
        .containsEntry("mcp-param-tenant", "acme");
    assertThat(ex.findings()).isEmpty();
  }

  @Test
  void aStatefulEraCallIsNotReadForHeaders() {
    Exchange ex = call(ProtocolEra.STATEFUL, Map.of("mcp-param-note", CARD));
    assertThat(routed(stage(), ex)).containsEntry("mcp-param-note", CARD);
    assertThat(ex.findings()).isEmpty();
  }
}
