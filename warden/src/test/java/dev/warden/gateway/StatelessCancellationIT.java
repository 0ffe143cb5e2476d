package dev.warden.gateway;

import static dev.warden.testing.Eventually.sleep;
import static dev.warden.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.WardenConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RelayTools;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessMcp;
import dev.warden.testing.StatelessUpstream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2026-07-28 client's {@code notifications/cancelled}, built by hand, reaches the MCP Java SDK
 * server that runs the call it names, and only that call; the client's stream of the cancelled call
 * ends without an answer. Both reply paths: read whole for inspection (the default) and streamed; a
 * 2026-07-28 upstream learns of the cancellation by its exchange being closed.
 */
@Timeout(60)
class StatelessCancellationIT {
  private static final String KEY = "cancel-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SdkUpstream upstream;
  private static StatelessUpstream modern;
  private static GatewayHarness inspecting;
  private static GatewayHarness streaming;

  @BeforeAll
  static void start() throws Exception {
    upstream = SdkUpstream.start("helper", Map.of("echo", args -> "echo"));
    RelayTools.slow(upstream);
    modern = StatelessUpstream.start();
    WardenConfig config = GatewayHarness.config(KEY, upstream.server(), modern.server("modern"));
    inspecting = GatewayHarness.start(config);
    streaming = GatewayHarness.start(GatewayHarness.withStreamedAnswers(config));
  }

  @AfterAll
  static void stop() throws Exception {
    inspecting.close();
    streaming.close();
    upstream.close();
    modern.close();
  }

  @Test
  void cancellationReachesTheUpstreamAndEndsTheCallWithoutAnAnswer() {
    StatelessMcp client = new StatelessMcp(inspecting.raw("p", KEY));
    long start = System.nanoTime();
    CompletableFuture<RawMcp.Reply> call = slowCall(client, "c-inspect-1", 100, null);
    within(Duration.ofSeconds(10), () -> upstreamSaw("c-inspect-1", "tools/call"));

    RawMcp.Reply ack = cancel(client, "c-inspect-1");

    assertThat(ack.status()).isEqualTo(202);
    within(Duration.ofSeconds(10), () -> upstreamSaw("c-inspect-1", "notifications/cancelled"));
    RawMcp.Reply reply = call.join();
    // The tool runs 10 s upstream: the stream ended on the cancellation, not on the tool's end.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.messages()).noneMatch(m -> m.has("result") || m.has("error"));
  }

  @Test
  void cancellationStopsOnlyTheNamedCallOfAStreamedReply() {
    StatelessMcp client = new StatelessMcp(streaming.raw("p", KEY));
    CompletableFuture<RawMcp.Reply> cancelled = slowCall(client, "c-stream-a", 100, "tok-a");
    CompletableFuture<RawMcp.Reply> kept = slowCall(client, "c-stream-b", 20, "tok-b");
    within(Duration.ofSeconds(10), () -> upstreamSaw("c-stream-a", "tools/call"));
    within(Duration.ofSeconds(10), () -> upstreamSaw("c-stream-b", "tools/call"));

    assertThat(cancel(client, "c-stream-a").status()).isEqualTo(202);

    RawMcp.Reply a = cancelled.join();
    within(Duration.ofSeconds(10), () -> upstreamSaw("c-stream-a", "notifications/cancelled"));
    assertThat(a.messages()).noneMatch(m -> m.has("result") || m.has("error"));
    RawMcp.Reply b = kept.join();
    assertThat(b.result().path("content").get(0).path("text").asText()).isEqualTo("done");
    assertThat(b.messages())
        .anyMatch(m -> m.path("method").asText().equals("notifications/progress"));
    assertThat(upstreamSaw("c-stream-b", "notifications/cancelled")).isFalse();
  }

  @Test
  void cancellationClosesTheExchangeWithA2026Upstream() {
    StatelessMcp client = new StatelessMcp(inspecting.raw("p", KEY));
    CompletableFuture<RawMcp.Reply> call = slowCall(client, "modern__slow", "c-modern-1", 0, null);
    within(
        Duration.ofSeconds(10),
        () -> modern.received().stream().anyMatch(b -> b.path("id").asText().equals("c-modern-1")));

    assertThat(cancel(client, "c-modern-1").status()).isEqualTo(202);

    RawMcp.Reply reply = call.join();
    assertThat(reply.messages()).noneMatch(m -> m.has("result") || m.has("error"));
    within(Duration.ofSeconds(10), () -> modern.closedByClient().contains("c-modern-1"));
    // That era has no notifications/cancelled over HTTP: closing the exchange is the cancellation.
    assertThat(modern.received())
        .noneMatch(b -> b.path("method").asText().equals("notifications/cancelled"));
  }

  @Test
  void cancellationOfACallNotInFlightReachesNoUpstream() {
    StatelessMcp client = new StatelessMcp(inspecting.raw("p", KEY));
    RawMcp.Reply done = slowCall(client, "c-done-1", 1, null).join();
    assertThat(done.result().path("content").get(0).path("text").asText()).isEqualTo("done");

    assertThat(cancel(client, "c-done-1").status()).isEqualTo(202);
    assertThat(cancel(client, "c-never-sent").status()).isEqualTo(202);

    sleep(500); // a cancellation is sent on its own thread: give a wrong one time to arrive
    assertThat(upstreamSaw("c-done-1", "notifications/cancelled")).isFalse();
    assertThat(upstreamSaw("c-never-sent", "notifications/cancelled")).isFalse();
  }

  private static CompletableFuture<RawMcp.Reply> slowCall(
      StatelessMcp client, String id, int steps, String progressToken) {
    return slowCall(client, "helper__slow", id, steps, progressToken);
  }

  private static CompletableFuture<RawMcp.Reply> slowCall(
      StatelessMcp client, String tool, String id, int steps, String progressToken) {
    ObjectNode params = StatelessMcp.object();
    params.put("name", tool);
    params.putObject("arguments").put("steps", steps);
    if (progressToken != null) {
      params.putObject("_meta").put("progressToken", progressToken);
    }
    ObjectNode body = parse(client.body("tools/call", params));
    body.put("id", id);
    return CompletableFuture.supplyAsync(
        () -> client.raw().post(client.headers("tools/call", tool), body.toString()));
  }

  private static RawMcp.Reply cancel(StatelessMcp client, String id) {
    ObjectNode n = JSON.createObjectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "notifications/cancelled");
    ObjectNode params = n.putObject("params");
    params.put("requestId", id);
    params.put("reason", "user stopped");
    params.putObject("_meta").put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
    return client.raw().post(client.headers("notifications/cancelled", null), n.toString());
  }

  private static boolean upstreamSaw(String id, String method) {
    return upstream.bodies().stream()
        .anyMatch(b -> b.contains("\"" + id + "\"") && b.contains("\"" + method + "\""));
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
