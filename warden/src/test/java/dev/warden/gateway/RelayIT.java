package dev.warden.gateway;

import static dev.warden.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.Limits;
import dev.warden.config.WardenConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RelayTools;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests an upstream sends to the client (sampling, elicitation, roots), progress and
 * cancellation, through the gateway between official MCP SDK clients and servers.
 */
@Timeout(60)
class RelayIT {
  private static final String KEY = "relay-key-0123456789";
  private static final Duration STREAM_KEEP_ALIVE = Duration.ofMillis(300);
  private static SdkUpstream upstream;

  /** Reads answers whole to inspect them (the default): requests go on the client's GET stream. */
  private static GatewayHarness gateway;

  /** Streams answers as they come: requests go on the call's own event stream. */
  private static GatewayHarness streaming;

  /**
   * Reads answers whole, with the short keep-alive: calls whose answer has not begun are watched.
   */
  private static GatewayHarness watching;

  @BeforeAll
  static void start() throws Exception {
    upstream = SdkUpstream.start("helper", Map.of("echo", args -> "echo"));
    RelayTools.askModel(upstream);
    RelayTools.askUser(upstream);
    upstream.addTool(
        "list_roots",
        (exchange, args) ->
            "roots " + exchange.listRoots().roots().stream().map(McpSchema.Root::uri).toList());
    RelayTools.slow(upstream);
    startGateways();
  }

  private static void startGateways() throws Exception {
    WardenConfig config = GatewayHarness.config(KEY, upstream.server());
    gateway = GatewayHarness.start(config);
    Limits quickKeepAlive =
        new Limits(
            Limits.DEFAULTS.maxBodyBytes(),
            Limits.DEFAULTS.maxJsonDepth(),
            Limits.DEFAULTS.sessionIdleTimeout(),
            STREAM_KEEP_ALIVE);
    streaming =
        GatewayHarness.start(
            GatewayHarness.withLimits(GatewayHarness.withStreamedAnswers(config), quickKeepAlive));
    watching = GatewayHarness.start(GatewayHarness.withLimits(config, quickKeepAlive));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    streaming.close();
    watching.close();
    upstream.close();
  }

  private static McpSyncClient capableClient(List<McpSchema.ProgressNotification> progress) {
    return capableClient(gateway, progress);
  }

  private static McpSyncClient capableClient(
      GatewayHarness gateway, List<McpSchema.ProgressNotification> progress) {
    return gateway.client(
        "p",
        KEY,
        List.of(),
        spec ->
            spec.capabilities(
                    McpSchema.ClientCapabilities.builder()
                        .sampling()
                        .elicitation()
                        .roots(true)
                        .build())
                .sampling(
                    req ->
                        new McpSchema.CreateMessageResult(
                            McpSchema.Role.ASSISTANT,
                            new McpSchema.TextContent("four"),
                            "test-model",
                            McpSchema.CreateMessageResult.StopReason.END_TURN))
                .elicitation(
                    req ->
                        new McpSchema.ElicitResult(
                            McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Ada")))
                .roots(new McpSchema.Root("file:///srv/project", "project"))
                .progressConsumer(progress::add));
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }

  @Test
  void samplingRequestFromUpstreamIsAnsweredByTheClient() {
    McpSyncClient client = capableClient(new CopyOnWriteArrayList<>());
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("helper__ask_model", Map.of()));
    assertThat(r.isError()).isFalse();
    assertThat(text(r)).isEqualTo("model said four");
  }

  @Test
  void samplingAndProgressTravelOnTheCallsOwnStreamWhenAnswersAreStreamed() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    McpSyncClient client = capableClient(streaming, progress);
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("helper__ask_model", Map.of()));
    assertThat(text(r)).isEqualTo("model said four");
    McpSchema.CallToolResult slow = slow(client, 2, "tok-s");
    assertThat(text(slow)).isEqualTo("done");
    assertThat(progress).extracting(McpSchema.ProgressNotification::message).contains("step 2");
  }

  @Test
  void elicitationRequestFromUpstreamIsAnsweredByTheClient() {
    McpSyncClient client = capableClient(new CopyOnWriteArrayList<>());
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("helper__ask_user", Map.of()));
    assertThat(text(r)).isEqualTo("user ACCEPT {name=Ada}");
  }

  @Test
  void rootsAreListedByTheClientAndChangesReachTheUpstream() {
    McpSyncClient client = capableClient(new CopyOnWriteArrayList<>());
    McpSchema.CallToolResult r =
        client.callTool(new McpSchema.CallToolRequest("helper__list_roots", Map.of()));
    assertThat(text(r)).isEqualTo("roots [file:///srv/project]");
    client.addRoot(new McpSchema.Root("file:///srv/other", "other"));
    within10s(
        () ->
            upstream.bodies().stream()
                .anyMatch(b -> b.contains("notifications/roots/list_changed")));
  }

  @Test
  void upstreamSessionDeclaresTheClientsCapabilities() {
    capableClient(new CopyOnWriteArrayList<>())
        .callTool(new McpSchema.CallToolRequest("helper__echo", Map.of()));
    assertThat(upstream.bodies())
        .anyMatch(
            b ->
                b.contains("\"method\":\"initialize\"")
                    && b.contains("\"sampling\"")
                    && b.contains("\"elicitation\"")
                    && b.contains("\"roots\""));
  }

  @Test
  void requestToAClientWithoutTheCapabilityFailsFast() {
    McpSyncClient client = gateway.client("p", KEY);
    long start = System.nanoTime();
    McpSchema.CallToolResult r;
    try {
      r = client.callTool(new McpSchema.CallToolRequest("helper__ask_model", Map.of()));
      assertThat(r.isError()).isTrue();
      assertThat(text(r)).containsIgnoringCase("sampling");
    } catch (RuntimeException e) {
      assertThat(e).hasMessageContaining("sampling");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void progressReachesTheClientsProgressConsumer() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    McpSyncClient client = capableClient(progress);
    McpSchema.CallToolResult r = slow(client, 3, "tok-1");
    assertThat(text(r)).isEqualTo("done");
    // The client hands notifications to its consumer on its own thread: the last may come after
    // the call has returned.
    within10s(() -> progress.stream().anyMatch(p -> "step 3".equals(p.message())));
    assertThat(progress)
        .extracting(McpSchema.ProgressNotification::progressToken)
        .contains("tok-1");
    assertThat(progress).extracting(McpSchema.ProgressNotification::message).contains("step 3");
  }

  @Test
  void clientCancellationIsForwardedToTheUpstream() {
    RawMcp raw = gateway.raw("p", KEY);
    String session = raw.initialize();
    String call = slowCall("cancel-me-1", "{\"steps\":30}", null);
    CompletableFuture<RawMcp.Reply> running =
        CompletableFuture.supplyAsync(() -> raw.post(session, call));
    within10s(() -> bodyWith("cancel-me-1", "tools/call"));
    RawMcp.Reply ack =
        raw.post(
            session,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":\"cancel-me-1\",\"reason\":\"user stopped\"}}");
    assertThat(ack.status()).isEqualTo(202);
    within10s(() -> bodyWith("cancel-me-1", "notifications/cancelled"));
    running.cancel(true);
  }

  @Test
  void clientThatDisconnectsMidCallCancelsTheUpstreamCall() throws Exception {
    // the first progress event: the call runs upstream; then the client closes its connection
    postAndReadUntil(streaming, slowCall("drop-me-1", "{\"steps\":300}", "p-drop"), "p-drop");
    // The call runs 30 s upstream: a cancellation within 20 s came while it was still running.
    within(Duration.ofSeconds(20), () -> bodyWith("drop-me-1", "notifications/cancelled"));
  }

  @Test
  void clientThatLeavesASilentCallCancelsItWithinAKeepAlivePeriod() throws Exception {
    // One progress event opens the answer's stream, then the upstream says nothing for 30 s: only
    // the keep-alive can find that the client left.
    String call = slowCall("silent-drop-1", "{\"steps\":300,\"loud\":1}", "p-silent");
    postAndReadUntil(streaming, call, "p-silent", ": keep-alive");
    long left = System.nanoTime();
    within(Duration.ofSeconds(10), () -> bodyWith("silent-drop-1", "notifications/cancelled"));
    assertThat(Duration.ofNanos(System.nanoTime() - left))
        .as("cancelled within a few keep-alive periods of the client leaving")
        .isLessThan(STREAM_KEEP_ALIVE.multipliedBy(10));
  }

  @Test
  void clientThatLeavesACallWhoseAnswerHasNotBegunCancelsIt() throws Exception {
    // No progress token: the server sends nothing for 30 s, and the answer is to be read whole.
    String call = slowCall("unbegun-drop-1", "{\"steps\":300}", null);
    postAndReadUntil(watching, call, "text/event-stream", ": keep-alive");
    long left = System.nanoTime();
    within(Duration.ofSeconds(10), () -> bodyWith("unbegun-drop-1", "notifications/cancelled"));
    assertThat(Duration.ofNanos(System.nanoTime() - left))
        .as("cancelled within a few keep-alive periods of the client leaving")
        .isLessThan(STREAM_KEEP_ALIVE.multipliedBy(10));
  }

  @Test
  void aSlowAnswerComesAsOneEventAfterKeepAlives() throws Exception {
    // 1.2 s of silence upstream, four keep-alive periods: the answer becomes an event stream.
    String call = slowCall("late-answer-1", "{\"steps\":12}", null);
    String seen = postAndReadUntil(watching, call, "\r\n0\r\n\r\n");
    assertThat(seen).startsWith("HTTP/1.1 200").contains("Content-Type: text/event-stream");
    assertThat(seen).contains(": keep-alive");
    assertThat(seen).containsPattern("\ndata: \\{.*\"id\":\"late-answer-1\".*\"done\"");
    assertThat(bodyWith("late-answer-1", "notifications/cancelled")).isFalse();
  }

  @Test
  void answerToNoPendingRequestIsRefusedClearly() {
    RawMcp raw = gateway.raw("p", KEY);
    String session = raw.initialize();
    RawMcp.Reply r =
        raw.post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"warden-s-999999\",\"result\":{}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("warden-s-999999").contains("waiting");
  }

  /** Calls {@code helper__slow} through an SDK client, {@code steps} steps with progress. */
  private static McpSchema.CallToolResult slow(McpSyncClient client, int steps, String token) {
    return client.callTool(
        McpSchema.CallToolRequest.builder()
            .name("helper__slow")
            .arguments(Map.of("steps", steps))
            .progressToken(token)
            .build());
  }

  /** A raw tools/call of {@code helper__slow}; {@code token} null: no progress token. */
  private static String slowCall(String id, String arguments, String token) {
    String meta = token == null ? "" : ",\"_meta\":{\"progressToken\":\"" + token + "\"}";
    return "{\"jsonrpc\":\"2.0\",\"id\":\""
        + id
        + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"helper__slow\",\"arguments\":"
        + arguments
        + meta
        + "}}";
  }

  /**
   * Opens a session on {@code gateway}, posts {@code call} in it on a connection of its own, reads
   * its answer until every one of {@code marks} was seen, then closes the connection; returns what
   * it read.
   */
  private static String postAndReadUntil(GatewayHarness gateway, String call, String... marks)
      throws Exception {
    RawMcp raw = gateway.raw("p", KEY);
    String session = raw.initialize();
    try (Socket socket = new Socket("127.0.0.1", gateway.gateway().port())) {
      OutputStream out = socket.getOutputStream();
      byte[] body = call.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("POST /personas/p/mcp HTTP/1.1\r\n");
      raw.headers(session).forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Host: 127.0.0.1\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String seen = "";
      while (!java.util.Arrays.stream(marks).allMatch(seen::contains)) {
        byte[] chunk = new byte[4096];
        int n = in.read(chunk);
        assertThat(n).as("the answer so far: " + seen).isPositive();
        seen += new String(chunk, 0, n, StandardCharsets.UTF_8);
      }
      return seen;
    }
  }

  private static boolean bodyWith(String id, String method) {
    return upstream.bodies().stream()
        .anyMatch(b -> b.contains("\"" + id + "\"") && b.contains("\"" + method + "\""));
  }

  private static void within10s(java.util.function.BooleanSupplier condition) {
    within(Duration.ofSeconds(10), condition);
  }
}
