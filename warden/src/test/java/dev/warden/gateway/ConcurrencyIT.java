package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many agents calling at once each get their own answers: ids pass through and never cross. */
class ConcurrencyIT {
  static final int CLIENTS = 16;
  static final int CALLS = 20;

  static SdkUpstream echo;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    echo =
        SdkUpstream.start(
            "echo",
            Map.of(
                "echo",
                args -> {
                  jitter(); // so answers overtake one another
                  return "echo " + args.get("text");
                }));
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.streamableHttp("echo", echo.url())),
                List.of(persona("alpha", "echo__*")),
                List.of(agent("bot", "key-bot", "alpha"), agent("bot2", "key-bot2", "alpha"))));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  /**
   * Bodies over 256 KiB are parsed off the event loop while their thread parks; interleaved with
   * small calls, each still gets its own answer on its own connection.
   */
  @Test
  void largeBodiesParsedOffTheLoopKeepTheirAnswersApart() throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        int size = c % 2 == 0 ? (300 + 200 * c) * 1024 : 10;
        String me = "client" + c;
        done.add(
            pool.submit(
                () -> {
                  McpSyncClient client = harness.client("alpha", "key-bot");
                  for (int i = 0; i < 3; i++) {
                    String text = me + "-" + i + "-" + "x".repeat(size);
                    McpSchema.CallToolResult r =
                        client.callTool(
                            new McpSchema.CallToolRequest("echo__echo", Map.of("text", text)));
                    String got = ((McpSchema.TextContent) r.content().getFirst()).text();
                    if (!got.equals("echo " + text)) {
                      wrong.add(me + " call " + i + " got " + got.length() + " chars");
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void sdkClientsCallingInParallelEachGetTheirOwnResults() throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    int before = echo.calls().size();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String key = c % 2 == 0 ? "key-bot" : "key-bot2";
        String me = "client" + c;
        done.add(
            pool.submit(
                () -> {
                  McpSyncClient client = harness.client("alpha", key);
                  for (int i = 0; i < CALLS; i++) {
                    String text = me + "-call" + i;
                    McpSchema.CallToolResult r =
                        client.callTool(
                            new McpSchema.CallToolRequest("echo__echo", Map.of("text", text)));
                    String got = ((McpSchema.TextContent) r.content().get(0)).text();
                    if (Boolean.TRUE.equals(r.isError()) || !got.equals("echo " + text)) {
                      wrong.add(text + " -> " + got);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(echo.calls().size() - before).isEqualTo(CLIENTS * CALLS);
  }

  @Test
  void sessionsReusingTheSameRequestIdsConcurrentlyDoNotCross() throws Exception {
    // Every raw client numbers its requests from 1, so the same ids are in flight on every session.
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    Set<String> sessions = new HashSet<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String me = "raw" + c;
        done.add(
            pool.submit(
                () -> {
                  RawMcp raw = harness.raw("alpha", "key-bot");
                  String session = raw.initialize();
                  for (int i = 0; i < CALLS; i++) {
                    String text = me + "-" + i;
                    Reply r = raw.callTool(session, "echo__echo", Map.of("text", text));
                    String got = r.result().path("content").get(0).path("text").asText();
                    if (!got.equals("echo " + text)) {
                      wrong.add(text + " -> " + r.body());
                    }
                  }
                  return session;
                }));
      }
      for (Future<String> f : done) {
        sessions.add(f.get(60, TimeUnit.SECONDS));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(sessions).hasSize(CLIENTS);
  }

  private static void jitter() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
