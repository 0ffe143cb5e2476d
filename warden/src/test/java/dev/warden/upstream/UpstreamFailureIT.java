package dev.warden.upstream;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.ServerConfig;
import dev.warden.config.Transport;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.HttpStub;
import dev.warden.testing.HttpStub.Answer;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upstream that is down, slow or answers garbage costs its own callers an error that names it,
 * quickly, and nobody else anything.
 */
class UpstreamFailureIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final CountDownLatch release = new CountDownLatch(1);

  static SdkUpstream healthy;
  static SdkUpstream slow;
  static HttpStub garbage;
  static GatewayHarness harness;
  static RawMcp raw;
  static String session;

  @BeforeAll
  static void start() throws Exception {
    healthy = SdkUpstream.start("healthy", Map.of("echo", args -> "echo " + args.get("text")));
    slow =
        SdkUpstream.start(
            "slow",
            Map.of(
                "sleep",
                args -> {
                  awaitRelease();
                  return "late";
                }));
    slow.addTool(
        "chatty_sleep",
        (exchange, args) -> {
          exchange.loggingNotification(
              McpSchema.LoggingMessageNotification.builder(
                      McpSchema.LoggingLevel.WARNING, "starting")
                  .build());
          awaitRelease();
          return "late";
        });
    garbage = garbageServer();
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(
                    ServerConfig.streamableHttp("down", HttpStub.nobodyListening()),
                    ServerConfig.streamableHttp("healthy", healthy.url()),
                    withTimeout(ServerConfig.streamableHttp("slow", slow.url()), 1),
                    ServerConfig.streamableHttp("garbage", garbage.url())),
                List.of(persona("all", "*")),
                List.of(agent("bot", "key-bot", "all"))));
    raw = harness.raw("all", "key-bot");
    session = raw.initialize();
    awaitListed("healthy__echo", "slow__sleep", "garbage__fine");
  }

  /** Listing is eventually complete: a server slow to answer its first listing is retried. */
  private static void awaitListed(String... tools) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    while (true) {
      dev.warden.registry.CatalogView view = harness.gateway().catalog().view();
      if (java.util.Arrays.stream(tools)
          .allMatch(t -> view.find(dev.warden.registry.ListKind.TOOLS, t).isPresent())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("catalog never listed " + List.of(tools));
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    release.countDown();
    harness.close();
    healthy.close();
    slow.close();
    garbage.close();
  }

  @AfterEach
  void healthyServerStillAnswers() {
    Reply r = raw.callTool(session, "healthy__echo", Map.of("text", "ok"));
    assertThat(r.errorCode()).as(r.body()).isZero();
    assertThat(r.result().path("content").get(0).path("text").asText()).isEqualTo("echo ok");
  }

  @Test
  void serverThatIsDownLeavesTheOthersListed() {
    McpSyncClient client = harness.client("all", "key-bot");
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("healthy__echo", "slow__sleep", "garbage__fine")
        .noneMatch(n -> n.startsWith("down__"));
  }

  @Test
  void callToAServerThatIsDownIsAnErrorNamingIt() {
    long start = System.nanoTime();
    Reply r = raw.callTool(session, "down__anything", Map.of());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.errorCode()).isNotZero();
    assertThat(r.errorMessage()).contains("'down'");
  }

  @Test
  void slowUpstreamTimesOutWithAnErrorNamingIt() {
    long start = System.nanoTime();
    Reply r = raw.callTool(session, "slow__sleep", Map.of());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(Duration.ofMillis(2500)).isGreaterThan(Duration.ofMillis(900));
    assertThat(r.errorCode()).as(r.body()).isNotZero();
    assertThat(r.errorMessage()).contains("'slow'");
  }

  @Test
  void timeoutAfterTheStreamStartedEndsItWithAnErrorEvent() {
    long start = System.nanoTime();
    Reply r =
        raw.post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":\"t-1\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"slow__chatty_sleep\",\"arguments\":{}}}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    assertThat(r.contentType()).startsWith("text/event-stream");
    List<JsonNode> messages = r.messages();
    assertThat(messages.get(0).path("method").asText())
        .as(r.body())
        .isEqualTo("notifications/message");
    JsonNode last = messages.get(messages.size() - 1);
    assertThat(last.path("id").asText()).isEqualTo("t-1");
    assertThat(last.path("error").path("message").asText()).contains("'slow'");
  }

  @Test
  void sdkClientGetsTheTimeoutAsAnError() {
    McpSyncClient client = harness.client("all", "key-bot");
    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      client.callTool(new McpSchema.CallToolRequest("slow__sleep", Map.of()));
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    assertThat(thrown).isNotNull().hasMessageContaining("'slow'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text_plain",
        "bad_json",
        "not_rpc",
        "array",
        "wrong_id",
        "bad_sse",
        "empty_sse",
        "http_500",
        "json_500",
        "accepted"
      })
  void garbageFromTheUpstreamIsAnErrorNamingIt(String tool) {
    long start = System.nanoTime();
    Reply r = raw.callTool(session, "garbage__" + tool, Map.of());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.errorCode()).as(r.body()).isNotZero();
    assertThat(r.errorMessage()).contains("'garbage'");
    assertThat(r.body()).doesNotContain("not json", "boom", "hello");
    // The upstream session survives its garbage: the next good answer gets through.
    Reply fine = raw.callTool(session, "garbage__fine", Map.of());
    assertThat(fine.result().path("content").get(0).path("text").asText()).isEqualTo("fine");
  }

  @Test
  void upstreamThatDiesAfterListingGivesAnErrorNamingIt() throws Exception {
    SdkUpstream dying = SdkUpstream.start("dying", Map.of("echo", args -> "still " + args));
    try (GatewayHarness own =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(
                    ServerConfig.streamableHttp("dying", dying.url()),
                    ServerConfig.streamableHttp("healthy", healthy.url())),
                List.of(persona("all", "*")),
                List.of(agent("bot", "key-bot", "all"))))) {
      RawMcp ownRaw = own.raw("all", "key-bot");
      String s = ownRaw.initialize();
      assertThat(ownRaw.callTool(s, "dying__echo", Map.of()).errorCode()).isZero();
      dying.close();

      long start = System.nanoTime();
      Reply r = ownRaw.callTool(s, "dying__echo", Map.of());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(r.errorCode()).as(r.body()).isNotZero();
      assertThat(r.errorMessage()).contains("'dying'");
      Reply other = ownRaw.callTool(s, "healthy__echo", Map.of("text", "x"));
      assertThat(other.result().path("content").get(0).path("text").asText()).isEqualTo("echo x");
      assertThat(ownRaw.call(s, "tools/list", null).result().toString()).contains("healthy__echo");
    }
  }

  /** A server that speaks just enough MCP to be listed, then answers calls with garbage. */
  static HttpStub garbageServer() throws Exception {
    String json = HttpStub.JSON_TYPE;
    String sse = "text/event-stream";
    Map<String, BiFunction<JsonNode, HttpStub.Received, Answer>> tools = new LinkedHashMap<>();
    tools.put(
        "fine",
        (id, r) -> HttpStub.result(id, "{\"content\":[{\"type\":\"text\",\"text\":\"fine\"}]}"));
    tools.put("text_plain", (id, r) -> new Answer(200, "text/plain", "not json"));
    tools.put(
        "bad_json",
        (id, r) -> new Answer(200, json, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{"));
    tools.put("not_rpc", (id, r) -> new Answer(200, json, "{\"hello\":\"world\"}"));
    tools.put("array", (id, r) -> new Answer(200, json, "[1,2,3]"));
    tools.put("wrong_id", (id, r) -> HttpStub.result(JSON.valueToTree("someone-else"), "{}"));
    tools.put("bad_sse", (id, r) -> new Answer(200, sse, "data: not json\n\n"));
    tools.put("empty_sse", (id, r) -> new Answer(200, sse, ": nothing here\n\n"));
    tools.put("http_500", (id, r) -> new Answer(500, "text/html", "<h1>boom</h1>"));
    tools.put("json_500", (id, r) -> new Answer(500, json, "{\"hello\":\"boom\"}"));
    tools.put("accepted", (id, r) -> new Answer(202, null, ""));
    return HttpStub.mcp(tools);
  }

  private static void awaitRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ServerConfig withTimeout(ServerConfig s, int seconds) {
    return new ServerConfig(
        s.id(),
        Transport.STREAMABLE_HTTP,
        s.url(),
        s.headers(),
        s.command(),
        s.env(),
        Duration.ofSeconds(seconds),
        s.connectTimeout());
  }
}
