package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.testing.EventStream;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessMcp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protocol 2026-07-28 clients, built by hand, at the same persona endpoint as 2025-11-25 clients,
 * in front of a real 2025-11-25 upstream from the MCP Java SDK.
 */
class Era2026IT {
  static SdkUpstream echo;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    echo =
        SdkUpstream.start(
            "echo",
            Map.of(
                "echo", args -> "echo " + args.get("text"),
                "wipe", args -> "wiped"));
    echo.addTool(
        "chatty",
        (exchange, args) -> {
          exchange.loggingNotification(
              LoggingMessageNotification.builder(LoggingLevel.WARNING, "working")
                  .logger("chatty")
                  .build());
          return "done";
        });
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(echo.server()),
                persona("alpha", "echo__echo", "echo__chatty", "echo__late*"),
                "key-bot"));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  private static StatelessMcp client() {
    return new StatelessMcp(harness.raw("alpha", "key-bot"));
  }

  @Test
  void discoverDescribesThePersonasVirtualServer() {
    Reply r = client().call("server/discover");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Mcp-Session-Id")).isNull();
    JsonNode result = r.result();
    assertThat(texts(result.path("supportedVersions")))
        .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
    assertThat(result.path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();
    assertThat(result.path("instructions").asText()).isEqualTo("Persona alpha");
    assertThat(
            result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText())
        .isEqualTo("warden-alpha");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("ttlMs").asLong(-1)).isPositive();
    assertThat(result.path("cacheScope").asText()).isEqualTo("private");
  }

  @Test
  void toolsListCarriesCacheHintsAndOnlyThePersonasTools() {
    Reply r = client().call("tools/list");
    assertThat(r.status()).isEqualTo(200);
    JsonNode result = r.result();
    List<String> names =
        StreamSupport.stream(result.path("tools").spliterator(), false)
            .map(t -> t.path("name").asText())
            .toList();
    assertThat(names).contains("echo__echo").doesNotContain("echo__wipe");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("ttlMs").asLong()).isEqualTo(60_000);
    assertThat(result.path("cacheScope").asText()).isEqualTo("private");
  }

  @Test
  void toolCallReachesTheStatefulUpstreamThroughOneHeldSession() {
    StatelessMcp client = client();
    int before = echo.requests().size();
    Reply first = client.callTool("echo__echo", Map.of("text", "one"));
    Reply second = client().callTool("echo__echo", Map.of("text", "two"));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.result().path("content").get(0).path("text").asText()).isEqualTo("echo one");
    assertThat(first.result().path("resultType").asText()).isEqualTo("complete");
    assertThat(second.result().path("content").get(0).path("text").asText()).isEqualTo("echo two");
    assertThat(echo.calls()).contains(new SdkUpstream.Call("echo", Map.of("text", "two")));
    // Both calls went through one upstream session the gateway holds for (agent, persona).
    List<String> sessionIds =
        echo.requests().subList(before, echo.requests().size()).stream()
            .filter(q -> q.method().equals("POST"))
            .map(q -> q.headers().get("mcp-session-id"))
            .filter(id -> id != null)
            .distinct()
            .toList();
    assertThat(sessionIds).hasSize(1);
    assertThat(
            echo.requests().subList(before, echo.requests().size()).stream()
                .map(q -> q.headers().get("mcp-protocol-version"))
                .filter(v -> v != null)
                .distinct())
        .containsOnly("2025-11-25");
  }

  @Test
  void toolOutsideThePersonaIsAnUnknownToolAndNeverReachesTheUpstream() {
    Reply r = client().callTool("echo__wipe", Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.errorCode()).isEqualTo(-32602);
    assertThat(r.errorMessage()).isEqualTo("Unknown tool: echo__wipe");
    assertThat(echo.calls()).noneMatch(c -> c.tool().equals("wipe"));
  }

  @Test
  void headersThatDisagreeWithTheBodyAre400WithHeaderMismatch() {
    StatelessMcp client = client();
    ObjectNode params = StatelessMcp.object().put("name", "echo__echo");
    params.putObject("arguments").put("text", "sneaky");
    String call = client.body("tools/call", params);

    Map<String, String> wrongMethod = client.headers("tools/list", "echo__echo");
    assertMismatch(client.raw().post(wrongMethod, call));
    Map<String, String> wrongName = client.headers("tools/call", "echo__other");
    assertMismatch(client.raw().post(wrongName, call));
    Map<String, String> noName = client.headers("tools/call", null);
    assertMismatch(client.raw().post(noName, call));
    Map<String, String> noMethod = client.headers("tools/call", "echo__echo");
    noMethod.remove("Mcp-Method");
    assertMismatch(client.raw().post(noMethod, call));
    Map<String, String> badBase64 = client.headers("tools/call", null);
    badBase64.put("Mcp-Name", "=?base64?%%%?=");
    assertMismatch(client.raw().post(badBase64, call));
    Map<String, String> otherVersion = client.headers("tools/call", "echo__echo");
    otherVersion.put("MCP-Protocol-Version", "2025-11-25");
    assertMismatch(client.raw().post(otherVersion, call));

    assertThat(echo.calls()).noneMatch(c -> "sneaky".equals(c.arguments().get("text")));
  }

  @Test
  void nameHeaderInBase64FormIsDecodedBeforeComparing() {
    StatelessMcp client = client();
    // Plain ASCII may be sent in the base64 form too.
    ObjectNode params = StatelessMcp.object().put("name", "echo__echo");
    params.putObject("arguments").put("text", "b64");
    Map<String, String> h = client.headers("tools/call", null);
    h.put("Mcp-Name", "=?base64?ZWNob19fZWNobw==?=");
    Reply ok = client.raw().post(h, client.body("tools/call", params));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.result().path("content").get(0).path("text").asText()).isEqualTo("echo b64");

    // A non-ASCII name can only travel in the base64 form; it matches, so the call goes on to be
    // the unknown tool it is (not a header mismatch).
    String unicode = "echo__grüße";
    assertThat(StatelessMcp.headerValue(unicode)).startsWith("=?base64?");
    Reply unknown = client.call("tools/call", unicode, StatelessMcp.object().put("name", unicode));
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.errorCode()).isEqualTo(-32602);

    Map<String, String> other = client.headers("tools/call", "echo__grüßt");
    Reply mismatch =
        client
            .raw()
            .post(other, client.body("tools/call", StatelessMcp.object().put("name", unicode)));
    assertMismatch(mismatch);
  }

  @Test
  void unsupportedVersionIsAnsweredWithTheSupportedList() {
    StatelessMcp client = client();
    Map<String, String> h = client.headers("tools/list", null);
    h.put("MCP-Protocol-Version", "2027-01-01");
    Reply r = client.raw().post(h, client.body("tools/list", null, "2027-01-01"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(-32022);
    JsonNode data = r.response().path("error").path("data");
    assertThat(texts(data.path("supported"))).contains("2026-07-28", "2025-11-25");
    assertThat(data.path("requested").asText()).isEqualTo("2027-01-01");
  }

  @Test
  void methodsOfTheStatefulEraAreUnknownInThisOne() {
    Reply ping = client().call("ping");
    assertThat(ping.status()).isEqualTo(404);
    assertThat(ping.errorCode()).isEqualTo(-32601);
    Reply init = client().call("initialize");
    assertThat(init.status()).isEqualTo(404);
    assertThat(init.errorCode()).isEqualTo(-32601);
  }

  @Test
  void getWithThisEraIsNotAllowed() {
    Map<String, String> h = client().headers("tools/list", null);
    h.remove("Content-Type");
    h.put("Accept", "text/event-stream");
    Reply r = client().raw().send("GET", h, java.net.http.HttpRequest.BodyPublishers.noBody());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).isEqualTo("POST");
  }

  @Test
  void listenStreamRelaysToolListChangesTaggedWithTheSubscription() throws Exception {
    StatelessMcp client = client();
    try (EventStream tools = client.listen(StatelessMcp.object().put("toolsListChanged", true));
        EventStream prompts =
            client.listen(StatelessMcp.object().put("promptsListChanged", true))) {
      assertThat(tools.status()).isEqualTo(200);
      assertThat(tools.contentType()).startsWith("text/event-stream");
      waitFor(() -> !tools.messages().isEmpty() && !prompts.messages().isEmpty(), "the acks");
      JsonNode ack = tools.messages().get(0);
      assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
      assertThat(ack.path("params").path("notifications").path("toolsListChanged").asBoolean())
          .isTrue();
      String subscription = subscriptionId(ack);
      assertThat(subscription).isNotEmpty();
      // The gateway listens on the upstream's own GET stream once it has listed it.
      assertThat(client.call("tools/list").status()).isEqualTo(200);
      waitFor(
          () -> echo.requests().stream().anyMatch(q -> q.method().equals("GET")),
          "the gateway to open the upstream's event stream");

      echo.addTool("late", (exchange, args) -> "late " + args.get("text"));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      JsonNode changed = null;
      while (changed == null && System.nanoTime() < deadline) {
        echo.mcp().notifyToolsListChanged(); // again, in case the stream was between reconnects
        Thread.sleep(100);
        changed =
            tools.messages().stream()
                .filter(m -> m.path("method").asText().equals("notifications/tools/list_changed"))
                .findFirst()
                .orElse(null);
      }
      assertThat(changed).as("tools list_changed on the listen stream").isNotNull();
      assertThat(subscriptionId(changed)).isEqualTo(subscription);
      // Not asked for on the other stream, so never sent there.
      assertThat(prompts.messages())
          .extracting(m -> m.path("method").asText())
          .containsExactly("notifications/subscriptions/acknowledged");
      assertThat(tools.ended()).isNotDone();
    }
    Reply after = client.callTool("echo__late", Map.of("text", "x"));
    assertThat(after.result().path("content").get(0).path("text").asText()).isEqualTo("late x");
  }

  @Test
  void aStatefulSdkClientWorksOnTheSameEndpointAtTheSameTime() throws Exception {
    McpSyncClient sdk = harness.client("alpha", "key-bot");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String text = "n" + i;
        results.add(
            pool.submit(
                () -> {
                  McpSchema.CallToolResult r =
                      sdk.callTool(
                          new McpSchema.CallToolRequest("echo__echo", Map.of("text", text)));
                  return ((McpSchema.TextContent) r.content().get(0)).text();
                }));
        results.add(
            pool.submit(
                () ->
                    client()
                        .callTool("echo__echo", Map.of("text", text))
                        .result()
                        .path("content")
                        .get(0)
                        .path("text")
                        .asText()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("echo n" + (i / 2));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sdk.listTools().tools()).extracting(McpSchema.Tool::name).contains("echo__echo");
  }

  @Test
  void upstreamLogMessagesComeOnlyAtTheLevelTheRequestNamed() {
    StatelessMcp client = client();
    Reply quiet = client.callTool("echo__chatty", Map.of());
    assertThat(quiet.result().path("content").get(0).path("text").asText()).isEqualTo("done");
    assertThat(quiet.result().path("resultType").asText()).isEqualTo("complete");
    assertThat(quiet.messages()).noneMatch(m -> m.has("method"));

    ObjectNode params = StatelessMcp.object().put("name", "echo__chatty");
    params.putObject("arguments");
    params.putObject("_meta").put("io.modelcontextprotocol/logLevel", "info");
    Reply loud = client.call("tools/call", "echo__chatty", params);
    assertThat(loud.messages())
        .anyMatch(m -> m.path("method").asText().equals("notifications/message"));
    assertThat(loud.result().path("resultType").asText()).isEqualTo("complete");

    ((ObjectNode) params.get("_meta")).put("io.modelcontextprotocol/logLevel", "error");
    Reply above = client.call("tools/call", "echo__chatty", params);
    assertThat(above.messages()).noneMatch(m -> m.has("method"));
  }

  @Test
  void gatewayShutdownEndsAListenStreamWithItsResult() throws Exception {
    GatewayHarness own =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(echo.server()), persona("alpha", "echo__echo"), "key-bot"));
    EventStream stream;
    try {
      stream =
          new StatelessMcp(own.raw("alpha", "key-bot"))
              .listen(StatelessMcp.object().put("resourcesListChanged", true));
      waitFor(() -> !stream.messages().isEmpty(), "the ack");
    } finally {
      own.close();
    }
    try (stream) {
      stream.ended().get(10, TimeUnit.SECONDS);
      List<JsonNode> messages = stream.messages();
      JsonNode last = messages.get(messages.size() - 1);
      String subscription = subscriptionId(messages.get(0));
      assertThat(last.path("id").asText()).isEqualTo(subscription);
      assertThat(last.path("result").path("resultType").asText()).isEqualTo("complete");
      assertThat(
              last.path("result")
                  .path("_meta")
                  .path("io.modelcontextprotocol/subscriptionId")
                  .asText())
          .isEqualTo(subscription);
    }
  }

  private static void assertMismatch(Reply r) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(-32020);
  }

  private static String subscriptionId(JsonNode notification) {
    return notification
        .path("params")
        .path("_meta")
        .path("io.modelcontextprotocol/subscriptionId")
        .asText();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
