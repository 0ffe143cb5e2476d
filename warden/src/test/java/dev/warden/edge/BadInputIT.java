package dev.warden.edge;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.Limits;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed and misdirected requests get the right HTTP status and JSON-RPC error, never reach an
 * upstream, and leave the gateway serving every other session.
 */
class BadInputIT {
  static final int MAX_BODY = 4096;
  static final int MAX_DEPTH = 16;

  static SdkUpstream echo;
  static GatewayHarness harness;
  static McpSyncClient live;
  static RawMcp raw;
  static String session;

  @BeforeAll
  static void start() throws Exception {
    echo = SdkUpstream.start("echo", Map.of("echo", args -> "echo " + args.get("text")));
    harness =
        GatewayHarness.start(
            GatewayHarness.withLimits(
                GatewayHarness.config(
                    List.of(ServerConfig.streamableHttp("echo", echo.url())),
                    List.of(persona("alpha", "echo__*"), persona("beta", "echo__*")),
                    List.of(
                        agent("bot", "key-bot", "alpha", "beta"),
                        agent("other", "key-other", "alpha"))),
                new Limits(MAX_BODY, MAX_DEPTH, Duration.ofMinutes(5))));
    live = harness.client("alpha", "key-bot");
    raw = harness.raw("alpha", "key-bot");
    session = raw.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  /** Whatever a test sent, a session opened before it still works end to end. */
  @AfterEach
  void gatewayStillServesALiveSession() {
    McpSchema.CallToolResult r =
        live.callTool(new McpSchema.CallToolRequest("echo__echo", Map.of("text", "still here")));
    assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo("echo still here");
    Reply viaRaw = raw.callTool(session, "echo__echo", Map.of("text", "raw"));
    assertThat(viaRaw.status()).isEqualTo(200);
    assertThat(viaRaw.result().path("content").get(0).path("text").asText()).isEqualTo("echo raw");
  }

  @Test
  void malformedJsonIsAParseError() {
    Reply r = raw.post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertJsonRpcError(r, 400, -32700);
  }

  @Test
  void trailingGarbageAfterTheMessageIsAParseError() {
    Reply r = raw.post(session, raw.request("ping", null) + " {}");
    assertJsonRpcError(r, 400, -32700);
  }

  @Test
  void wrongContentTypeIs415() {
    Map<String, String> h = raw.headers(session);
    h.put("Content-Type", "text/plain");
    Reply r = raw.post(h, raw.request("ping", null));
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.errorCode()).isNotZero();
  }

  @Test
  void missingAcceptIs406() {
    Map<String, String> h = raw.headers(session);
    h.remove("Accept");
    assertThat(raw.post(h, raw.request("ping", null)).status()).isEqualTo(406);
  }

  @Test
  void acceptListsAndWildcardsAreUnderstood() {
    Map<String, String> h = raw.headers(session);
    for (String accept :
        List.of(
            "*/*",
            "application/*, text/*",
            "TEXT/EVENT-STREAM;q=0.5,  Application/JSON",
            "text/html, application/json;q=0.9 , text/event-stream")) {
      h.put("Accept", accept);
      assertThat(raw.post(h, raw.request("ping", null)).status()).as(accept).isEqualTo(200);
    }
    for (String accept : List.of("text/html, application/xml", "application/jsonx", "text/")) {
      h.put("Accept", accept);
      assertThat(raw.post(h, raw.request("ping", null)).status()).as(accept).isEqualTo(406);
    }
  }

  @Test
  void acceptWithoutEventStreamIs406() {
    Map<String, String> h = raw.headers(session);
    h.put("Accept", "application/json");
    Reply r = raw.post(h, raw.request("ping", null));
    assertThat(r.status()).isEqualTo(406);
    assertThat(r.errorCode()).isNotZero();
  }

  @Test
  void acceptWithoutJsonIs406() {
    Map<String, String> h = raw.headers(session);
    h.put("Accept", "text/event-stream");
    assertThat(raw.post(h, raw.request("ping", null)).status()).isEqualTo(406);
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "x".repeat(MAX_BODY);
    Reply r = raw.callTool(session, "echo__echo", Map.of("text", big));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.errorCode()).isNotZero();
  }

  @Test
  void chunkedBodyOverTheLimitIs413() {
    byte[] big =
        raw.request("tools/call", "{\"name\":\"echo__echo\",\"arguments\":{\"text\":\"%s\"}}")
            .replace("%s", "y".repeat(MAX_BODY))
            .getBytes(StandardCharsets.UTF_8);
    // No length known up front: sent chunked, so only counting the bytes can stop it.
    Reply r =
        raw.send(
            "POST",
            raw.headers(session),
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    assertThat(r.status()).isEqualTo(413);
    assertThat(echo.calls()).noneMatch(c -> String.valueOf(c.arguments()).contains("yyyy"));
  }

  @Test
  void jsonDeeperThanTheLimitIsAParseError() {
    String deep = "[".repeat(MAX_DEPTH * 2) + "]".repeat(MAX_DEPTH * 2);
    Reply r =
        raw.post(
            session,
            raw.request(
                "tools/call", "{\"name\":\"echo__echo\",\"arguments\":{\"text\":" + deep + "}}"));
    assertJsonRpcError(r, 400, -32700);
  }

  @Test
  void jsonWithinTheDepthLimitIsAccepted() {
    String nested = "[".repeat(MAX_DEPTH - 6) + "]".repeat(MAX_DEPTH - 6);
    Reply r =
        raw.post(
            session,
            raw.request(
                "tools/call", "{\"name\":\"echo__echo\",\"arguments\":{\"text\":" + nested + "}}"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.errorCode()).isZero();
  }

  @Test
  void batchIsAnInvalidRequest() {
    Reply r = raw.post(session, "[" + raw.request("ping", null) + "]");
    assertJsonRpcError(r, 400, -32600);
  }

  @Test
  void objectThatIsNotJsonRpcIsAnInvalidRequest() {
    assertJsonRpcError(raw.post(session, "{\"hello\":\"world\"}"), 400, -32600);
    assertJsonRpcError(
        raw.post(session, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}"), 400, -32600);
    assertJsonRpcError(raw.post(session, "\"just a string\""), 400, -32600);
  }

  @Test
  void unknownSessionIs404() {
    Reply r = raw.call("no-such-session-id", "tools/list", null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isNotZero();
  }

  @Test
  void missingSessionIdOnANonInitializeRequestIs400() {
    Reply r = raw.call(null, "tools/list", null);
    assertJsonRpcError(r, 400, -32600);
  }

  @Test
  void unsupportedProtocolVersionHeaderIs400() {
    Map<String, String> h = raw.headers(session);
    h.put("MCP-Protocol-Version", "1999-01-01");
    Reply r = raw.post(h, raw.request("tools/list", null));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("1999-01-01");
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    Reply r = raw.call(session, "tools/frobnicate", "{}");
    assertThat(r.errorCode()).isEqualTo(-32601);
  }

  @Test
  void putIs405() {
    Reply r = raw.send("PUT", raw.headers(session), BodyPublishers.ofString("{}"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).contains("POST");
  }

  @Test
  void unknownPathIs404() {
    URI base = raw.endpoint();
    for (String path : List.of("/", "/mcp", "/personas/alpha/tools", "/personas/alpha/mcp/x")) {
      Reply r =
          raw.send(
              "POST",
              base.resolve(path),
              raw.headers(session),
              BodyPublishers.ofString(raw.request("ping", null)));
      assertThat(r.status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void deleteEndsTheSession() {
    RawMcp own = harness.raw("alpha", "key-bot");
    String s = own.initialize();
    assertThat(own.call(s, "ping", null).status()).isEqualTo(200);
    assertThat(own.bodiless("DELETE", s).status()).isEqualTo(200);
    assertThat(own.call(s, "tools/list", null).status()).isEqualTo(404);
    assertThat(own.bodiless("DELETE", s).status()).isEqualTo(404);
  }

  @Test
  void sessionOpenedByAnotherAgentDoesNotExist() {
    RawMcp other = harness.raw("alpha", "key-other");
    Reply r = other.callTool(session, "echo__echo", Map.of("text", "hijack"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(other.bodiless("DELETE", session).status()).isEqualTo(404);
    assertThat(echo.calls()).noneMatch(c -> "hijack".equals(c.arguments().get("text")));
  }

  @Test
  void sessionUsedAtAnotherPersonaEndpointDoesNotExist() {
    RawMcp beta = harness.raw("beta", "key-bot");
    assertThat(beta.initialize()).isNotEqualTo(session); // the agent may use beta itself
    Reply r = beta.callTool(session, "echo__echo", Map.of("text", "cross"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(echo.calls()).noneMatch(c -> "cross".equals(c.arguments().get("text")));
  }

  private static void assertJsonRpcError(Reply r, int status, int code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.response().path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
  }
}
