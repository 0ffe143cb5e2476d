package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.StatelessMcp;
import dev.warden.testing.StatelessUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code Mcp-Param-*} headers a tool does not mark go to a 2026-07-28 upstream as they came,
 * but only after the data-protection rules read them as they read the arguments: a card is redacted
 * by default, a blocking rule refuses the call, and the marked headers are still built from the
 * arguments that go upstream.
 */
class ParamHeaderDataProtectionIT {
  private static final String KEY = "param-key-0123456789";
  private static final String CARD = "4111111111111111";
  private static final String AWS_KEY = "AKIAQ3EGRTYUIOPZXCVB";

  private static StatelessUpstream modern;
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    modern = StatelessUpstream.start();
    DataRule noKeys =
        new DataRule(
            "no-keys-out",
            List.of(),
            List.of(),
            Direction.REQUEST,
            List.of("AWS_ACCESS_KEY_ID"),
            List.of(),
            Action.BLOCK,
            4);
    harness =
        GatewayHarness.start(
            GatewayHarness.withDataProtection(
                GatewayHarness.config(KEY, modern.server("modern")),
                new DataProtectionConfig(
                    Optional.empty(), List.of(noKeys), DataProtectionConfig.Trust.NONE)));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    modern.close();
  }

  @Test
  void aCardInAnUndeclaredHeaderArrivesRedacted() {
    RawMcp.Reply r = call("eu-card", "Mcp-Param-Note", "pay-" + CARD);
    assertThat(r.status()).isEqualTo(200);
    Map<String, String> sent = routeHeaders("eu-card");
    assertThat(sent.get("Mcp-Param-Note")).isEqualTo("pay-[REDACTED:CARD_VISA]");
    assertThat(sent.values()).noneMatch(v -> v.contains(CARD));
  }

  @Test
  void aBlockingRuleRefusesTheCallAndItNeverReachesTheUpstream() {
    RawMcp.Reply r = call("eu-key", "Mcp-Param-Token", AWS_KEY);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().path("isError").asBoolean()).isTrue();
    assertThat(r.result().path("content").get(0).path("text").asText())
        .contains("data:no-keys-out")
        .doesNotContain(AWS_KEY);
    assertThat(modern.received())
        .noneMatch(
            b -> b.path("params").path("arguments").path("region").asText().equals("eu-key"));
  }

  @Test
  void aCleanUndeclaredHeaderPassesUnchanged() {
    RawMcp.Reply r = call("eu-clean", "Mcp-Param-Tenant", "acme");
    assertThat(r.status()).isEqualTo(200);
    assertThat(routeHeaders("eu-clean").get("Mcp-Param-Tenant")).isEqualTo("acme");
  }

  @Test
  void aDeclaredHeaderMirrorsTheRewrittenArgument() {
    RawMcp.Reply r =
        new StatelessMcp(harness.raw("p", KEY))
            .callTool(
                "modern__route",
                Map.of("region", "eu-" + CARD),
                Map.of("Mcp-Param-Region", "eu-" + CARD, "Mcp-Param-Note", "n-" + CARD));
    assertThat(r.status()).isEqualTo(200);
    Map<String, String> sent = routeHeaders("eu-[REDACTED:CARD_VISA]");
    assertThat(sent.get("Mcp-Param-Region")).isEqualTo("eu-[REDACTED:CARD_VISA]");
    assertThat(sent.get("Mcp-Param-Note")).isEqualTo("n-[REDACTED:CARD_VISA]");
  }

  /** Calls the route tool in {@code region}, mirroring it, with one more header. */
  private static RawMcp.Reply call(String region, String header, String value) {
    return new StatelessMcp(harness.raw("p", KEY))
        .callTool(
            "modern__route",
            Map.of("region", region),
            Map.of("Mcp-Param-Region", region, header, value));
  }

  /** The headers of the route call the 2026-07-28 upstream received for {@code region}. */
  private static Map<String, String> routeHeaders(String region) {
    return modern.headersOfCall("route", "region", region);
  }
}
