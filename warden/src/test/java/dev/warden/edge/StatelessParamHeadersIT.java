package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessMcp;
import dev.warden.testing.StatelessUpstream;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tool arguments mirrored in {@code Mcp-Param-*} headers (x-mcp-header): a 2026-07-28 client's
 * headers are checked against its arguments in front of a 2025-11-25 upstream from the MCP Java
 * SDK, and a 2026-07-28 upstream gets them built from the arguments it is sent, whichever era the
 * client speaks, with the headers the tool does not declare passed on.
 */
class StatelessParamHeadersIT {
  private static final String KEY = "param-key-0123456789";

  /** The arguments the mismatched headers are checked against. */
  private static final Map<String, Object> MISMATCH = Map.of("region", "mismatch-zone", "limit", 5);

  private static SdkUpstream sdk;
  private static StatelessUpstream modern;
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    sdk = SdkUpstream.start("sdk", Map.of("plain", args -> "plain"));
    Map<String, Object> properties =
        Map.of(
            "region", Map.of("type", "string", "x-mcp-header", "Region"),
            "limit", Map.of("type", "integer", "x-mcp-header", "Limit"),
            "query", Map.of("type", "string"));
    sdk.mcp()
        .addTool(
            new SyncToolSpecification(
                McpSchema.Tool.builder()
                    .name("query")
                    .description("Runs a query in a region")
                    .inputSchema(Map.of("type", "object", "properties", properties))
                    .build(),
                (exchange, request) ->
                    McpSchema.CallToolResult.builder()
                        .addTextContent("query in " + request.arguments().get("region"))
                        .build()));
    modern = StatelessUpstream.start();
    harness =
        GatewayHarness.start(GatewayHarness.config(KEY, sdk.server(), modern.server("modern")));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    sdk.close();
    modern.close();
  }

  @Test
  void headersThatMirrorTheArgumentsPass() {
    RawMcp.Reply r =
        call(
            "sdk__query",
            Map.of("region", "us-west1", "limit", 5, "query", "select"),
            "Mcp-Param-Region",
            "us-west1",
            "mcp-param-limit",
            "5");
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("query in us-west1");
  }

  @Test
  void aHeaderThatDoesNotMatchIsRefusedAndTheCallNeverReachesTheUpstream() {
    RawMcp.Reply r =
        call("sdk__query", MISMATCH, "Mcp-Param-Region", "eu-west1", "Mcp-Param-Limit", "5");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(-32020);
    assertThat(r.errorMessage()).contains("Mcp-Param-Region").contains("does not match");
    RawMcp.Reply number =
        call("sdk__query", MISMATCH, "Mcp-Param-Region", "mismatch-zone", "Mcp-Param-Limit", "6");
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.errorMessage()).contains("Mcp-Param-Limit");
    assertThat(sdk.calls()).noneMatch(c -> "mismatch-zone".equals(c.arguments().get("region")));
  }

  @Test
  void aMissingHeaderOrOneWithoutItsArgumentIsRefused() {
    RawMcp.Reply missing =
        call("sdk__query", Map.of("region", "us-east1", "limit", 5), "Mcp-Param-Limit", "5");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo(-32020);
    assertThat(missing.errorMessage()).contains("Mcp-Param-Region header is missing");

    RawMcp.Reply extra = inRegion("sdk__query", "us-east1", "Mcp-Param-Limit", "5");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.errorMessage()).contains("Mcp-Param-Limit").contains("arguments.limit");
  }

  @Test
  void nonAsciiValuesTravelInTheBase64Form() {
    RawMcp.Reply r = inRegion("sdk__query", "Zürich");
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("query in Zürich");

    RawMcp.Reply malformed =
        call("sdk__query", Map.of("region", "Zürich"), "Mcp-Param-Region", "=?base64?%%%?=");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(-32020);
    assertThat(malformed.errorMessage()).contains("malformed");
  }

  @Test
  void a2026UpstreamGetsTheHeadersBuiltFromTheArgumentsAndUnknownOnesPassedOn() {
    RawMcp.Reply r = inRegion("modern__route", "eu-north", "Mcp-Param-Tenant", "acme");
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("routed to eu-north");
    Map<String, String> sent = routeHeaders("eu-north");
    assertThat(sent.get("Mcp-Param-Region")).isEqualTo("eu-north");
    assertThat(sent.get("Mcp-Param-Tenant")).isEqualTo("acme");
    assertThat(sent.get("Mcp-Name")).isEqualTo("route");
  }

  @Test
  void a2026UpstreamGetsNonAsciiValuesInTheBase64Form() {
    RawMcp.Reply r = inRegion("modern__route", "Zürich");
    assertThat(text(r)).isEqualTo("routed to Zürich");
    assertThat(routeHeaders("Zürich").get("Mcp-Param-Region")).isEqualTo("=?base64?WsO8cmljaA==?=");
  }

  @Test
  void a2025ClientsCallToA2026UpstreamCarriesTheHeadersItsArgumentsMake() {
    RawMcp raw = harness.raw("p", KEY);
    String session = raw.initialize();
    RawMcp.Reply r = raw.callTool(session, "modern__route", Map.of("region", "ap-south"));
    assertThat(r.result().path("content").get(0).path("text").asText())
        .isEqualTo("routed to ap-south");
    assertThat(routeHeaders("ap-south").get("Mcp-Param-Region")).isEqualTo("ap-south");
  }

  /**
   * Calls {@code tool} with {@code region} as its argument, sending the Mcp-Param-Region header as
   * a well-behaved client does and then the {@code headers} given as name, value, name, value….
   */
  private static RawMcp.Reply inRegion(String tool, String region, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Mcp-Param-Region";
    all[1] = StatelessMcp.headerValue(region);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return call(tool, Map.of("region", region), all);
  }

  /** Calls {@code tool} sending the {@code headers} given as name, value, name, value…. */
  private static RawMcp.Reply call(String tool, Map<String, ?> arguments, String... headers) {
    Map<String, String> sent = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      sent.put(headers[i], headers[i + 1]);
    }
    return new StatelessMcp(harness.raw("p", KEY)).callTool(tool, arguments, sent);
  }

  /** The headers of the route call the 2026-07-28 upstream received for {@code region}. */
  private static Map<String, String> routeHeaders(String region) {
    return modern.headersOfCall("route", "region", region);
  }

  private static String text(RawMcp.Reply r) {
    return r.result().path("content").get(0).path("text").asText();
  }
}
