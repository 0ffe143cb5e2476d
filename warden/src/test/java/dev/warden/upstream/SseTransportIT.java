package dev.warden.upstream;

import static dev.warden.testing.GatewayHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.SdkSseUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Legacy HTTP+SSE servers (2024-11-05): a real MCP SDK server behind the gateway. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SseTransportIT {
  static final CountDownLatch release = new CountDownLatch(1);
  static final List<String> ALL = List.of("*");
  static SdkSseUpstream upstream;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        new SdkSseUpstream(
            "legacy",
            Map.of(
                "echo",
                args -> "echo " + args.get("text"),
                "wait",
                args -> {
                  try {
                    release.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "late";
                }));
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.sse("legacy", upstream.url())),
                List.of(new PersonaConfig("all", "Every tool and resource", ALL, List.of(), ALL)),
                List.of(agent("bot", "key-bot", "all"))));
  }

  @AfterAll
  static void stop() throws Exception {
    release.countDown();
    harness.close();
    upstream.close();
  }

  @Test
  void listsAndCallsToolsOfALegacySseServer() {
    McpSyncClient client = harness.client("all", "key-bot");
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("legacy__echo", "legacy__wait");
    assertThat(text(client, "legacy__echo", "hi")).isEqualTo("echo hi");
    assertThat(text(client, "legacy__echo", "again")).isEqualTo("echo again");
  }

  /**
   * The server forgets a dropped session's subscriptions; Warden subscribes the new session again
   * on its own. Each touch after the break must reach the client from the server itself: three
   * touches, three updates (Warden's own update for the break is at most one).
   */
  @Test
  void aSubscriptionIsRenewedOnTheNewSessionAfterTheStreamDrops() throws Exception {
    AtomicInteger updates = new AtomicInteger();
    McpSyncClient client = harness.subscriber("all", "key-bot", uri -> updates.incrementAndGet());
    client.subscribeResource(new McpSchema.SubscribeRequest(SdkSseUpstream.NOTE));
    assertThat(threeTouchesArrive(updates)).as("before the break").isTrue();

    upstream.dropConnections();
    Thread.sleep(2000); // the channel reconnects by itself (its sessions listen) and renews
    assertThat(threeTouchesArrive(updates)).as("after the break").isTrue();
  }

  /** Whether three updates of the note, announced by the server, reach the client. */
  private static boolean threeTouchesArrive(AtomicInteger updates) throws InterruptedException {
    int before = updates.get();
    for (int i = 0; i < 3; i++) {
      upstream.touch();
      Thread.sleep(150);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (updates.get() < before + 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return updates.get() >= before + 3;
  }

  @Test
  void streamThatDropsFailsTheWaitingCallAtOnceAndTheNextCallReconnects() throws Exception {
    McpSyncClient client = harness.client("all", "key-bot");
    assertThat(text(client, "legacy__echo", "before")).isEqualTo("echo before");
    // Not the common pool: the SDK client needs it to deliver the answer.
    CompletableFuture<Throwable> waiting = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                client.callTool(call("legacy__wait", "x"));
                waiting.complete(null);
              } catch (RuntimeException e) {
                waiting.complete(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!upstream.calls().contains("wait") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(upstream.calls()).contains("wait");
    long dropped = System.nanoTime();
    upstream.dropConnections();
    Throwable failure = waiting.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofSeconds(5));
    assertThat(failure).isNotNull().hasMessageContaining("upstream 'legacy'");
    assertThat(text(client, "legacy__echo", "after")).isEqualTo("echo after");
  }

  static McpSchema.CallToolRequest call(String tool, String text) {
    return McpSchema.CallToolRequest.builder().name(tool).arguments(Map.of("text", text)).build();
  }

  static String text(McpSyncClient client, String tool, String arg) {
    McpSchema.CallToolResult r = client.callTool(call(tool, arg));
    assertThat(r.isError()).as("%s failed: %s", tool, r.content()).isNotEqualTo(Boolean.TRUE);
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }
}
