package dev.warden.edge;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.ServerConfig;
import dev.warden.testing.EventStream;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The standalone GET stream, list-change notifications, and upstream replies sent as SSE. */
class StreamsIT {
  static SdkUpstream echo;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    echo = SdkUpstream.start("echo", Map.of("echo", args -> "echo " + args.get("text")));
    echo.addTool(
        "chatty",
        (exchange, args) -> {
          exchange.loggingNotification(
              LoggingMessageNotification.builder(
                      LoggingLevel.WARNING, "working on " + args.get("text"))
                  .logger("chatty")
                  .build());
          return "done " + args.get("text");
        });
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.streamableHttp("echo", echo.url())),
                List.of(persona("alpha", "echo__*")),
                List.of(agent("bot", "key-bot", "alpha"))));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  @Test
  void getOpensAnEventStreamThatStaysOpenUntilTheSessionEnds() throws Exception {
    RawMcp raw = harness.raw("alpha", "key-bot");
    String session = raw.initialize();
    try (EventStream stream = raw.openStream(session)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      Thread.sleep(300);
      assertThat(stream.ended()).isNotDone();
      // The session still answers while its stream is open.
      assertThat(raw.call(session, "ping", null).status()).isEqualTo(200);
      assertThat(raw.bodiless("DELETE", session).status()).isEqualTo(200);
      stream.ended().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void getNeedsASessionAndTheEventStreamMediaType() {
    RawMcp raw = harness.raw("alpha", "key-bot");
    String session = raw.initialize();
    Map<String, String> h = raw.headers(session);
    h.remove("Content-Type");
    h.put("Accept", "application/json");
    assertThat(raw.send("GET", h, java.net.http.HttpRequest.BodyPublishers.noBody()).status())
        .isEqualTo(406);
    Map<String, String> noSession = raw.headers(null);
    noSession.remove("Content-Type");
    noSession.put("Accept", "text/event-stream");
    assertThat(
            raw.send("GET", noSession, java.net.http.HttpRequest.BodyPublishers.noBody()).status())
        .isEqualTo(400);
  }

  @Test
  void upstreamToolListChangeReachesConnectedClients() throws Exception {
    List<List<McpSchema.Tool>> announced = new CopyOnWriteArrayList<>();
    McpSyncClient client =
        harness.client(
            "alpha", "key-bot", List.of(), spec -> spec.toolsChangeConsumer(announced::add));
    assertThat(names(client.listTools().tools())).doesNotContain("echo__added");
    RawMcp raw = harness.raw("alpha", "key-bot");
    String session = raw.initialize();
    try (EventStream stream = raw.openStream(session)) {
      // The gateway listens on the upstream's own GET stream once it has listed it.
      waitFor(
          () -> echo.requests().stream().anyMatch(r -> r.method().equals("GET")),
          "the gateway to open the upstream's event stream");

      echo.addTool("added", (exchange, args) -> "added " + args.get("text"));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      boolean relayed = false;
      while (!relayed && System.nanoTime() < deadline) {
        echo.mcp().notifyToolsListChanged(); // again, in case the stream was between reconnects
        Thread.sleep(100);
        relayed =
            stream.messages().stream()
                .anyMatch(
                    m -> m.path("method").asText().equals("notifications/tools/list_changed"));
      }
      assertThat(relayed).as("list_changed on the raw event stream").isTrue();
    }
    assertThat(names(client.listTools().tools())).contains("echo__added");
    waitFor(
        () -> announced.stream().anyMatch(tools -> names(tools).contains("echo__added")),
        "the SDK client's toolsChangeConsumer to see the new tool");
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("echo__added", Map.of("text", "x")));
    assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo("added x");
  }

  @Test
  void notificationsBeforeAResultAreRelayedInOrderWithTheResultIntact() {
    RawMcp raw = harness.raw("alpha", "key-bot");
    String session = raw.initialize();
    Reply r =
        raw.post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":\"req-77\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"echo__chatty\",\"arguments\":{\"text\":\"job-1\"}}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/event-stream");
    List<JsonNode> messages = r.messages();
    assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
    JsonNode log = messages.get(0);
    assertThat(log.path("method").asText()).isEqualTo("notifications/message");
    assertThat(log.path("params").path("data").asText()).isEqualTo("working on job-1");
    JsonNode last = messages.get(messages.size() - 1);
    assertThat(last.path("id").isTextual()).isTrue();
    assertThat(last.path("id").asText()).isEqualTo("req-77");
    assertThat(last.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("done job-1");
    assertThat(last.path("result").path("isError").asBoolean()).isFalse();
  }

  @Test
  void sdkClientGetsTheLogAndTheResult() throws Exception {
    List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    McpSyncClient client =
        harness.client("alpha", "key-bot", List.of(), spec -> spec.loggingConsumer(logs::add));
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("echo__chatty", Map.of("text", "job-2")));
    assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo("done job-2");
    waitFor(
        () -> logs.stream().anyMatch(l -> "working on job-2".equals(l.data())),
        "the logging notification");
  }

  private static List<String> names(List<McpSchema.Tool> tools) {
    return tools.stream().map(McpSchema.Tool::name).toList();
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
