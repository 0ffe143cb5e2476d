package dev.warden.upstream;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.config.ProcessOptions;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.LogCapture;
import dev.warden.testing.StdioTestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stdio servers started from the configuration: real MCP SDK servers in child JVMs, driven through
 * the gateway by the SDK client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StdioTransportIT {
  static final String SECRET = "s3cret-greeting-value";
  static LogCapture logs;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.start();
    ServerConfig tools =
        ServerConfig.stdio(
            "tools", StdioTestServer.command(), Map.of("GREETING", Secret.of(SECRET, "env:G")));
    ServerConfig pooled =
        ServerConfig.stdio("pooled", StdioTestServer.command(), Map.of())
            .withProcess(new ProcessOptions(ProcessOptions.Start.BOOT, 2, true));
    ServerConfig crashy = ServerConfig.stdio("crashy", StdioTestServer.command(), Map.of());
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(tools, pooled, crashy),
                List.of(persona("all", "*")),
                List.of(agent("bot", "key-bot", "all"))));
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
    logs.close();
  }

  @Test
  void callsToolsOfAStdioServer() {
    McpSyncClient client = harness.client("all", "key-bot");
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("tools__echo", "tools__pid", "pooled__echo", "crashy__crash");
    assertThat(text(client, "tools__echo", Map.of("text", "hi"))).isEqualTo("echo hi");
  }

  @Test
  void concurrentCallsOfManySessionsShareOneProcessWithoutMixingAnswers() throws Exception {
    List<McpSyncClient> clients =
        List.of(harness.client("all", "key-bot"), harness.client("all", "key-bot"));
    List<Thread> threads = new java.util.ArrayList<>();
    List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int c = 0; c < clients.size(); c++) {
      for (int i = 0; i < 10; i++) {
        String text = c + "-" + i;
        McpSyncClient client = clients.get(c);
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      String got = text(client, "tools__echo", Map.of("text", text));
                      if (!got.equals("echo " + text)) {
                        wrong.add(text + " got " + got);
                      }
                    }));
      }
    }
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(60));
    }
    assertThat(wrong).isEmpty();
    assertThat(text(clients.get(0), "tools__pid", Map.of()))
        .isEqualTo(text(clients.get(1), "tools__pid", Map.of()));
  }

  @Test
  void processGetsTheBaseEnvironmentAndItsConfiguredSecretsOnly() {
    McpSyncClient client = harness.client("all", "key-bot");
    assertThat(text(client, "tools__env", Map.of("name", "GREETING"))).isEqualTo(SECRET);
    assertThat(text(client, "tools__env", Map.of("name", "PATH"))).isEqualTo(System.getenv("PATH"));
    String inherited =
        System.getenv().keySet().stream()
            .filter(k -> !Set.of("PATH", "HOME", "LANG").contains(k))
            .findFirst()
            .orElseThrow();
    assertThat(text(client, "tools__env", Map.of("name", inherited))).isEqualTo("null");
    assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void stderrGoesToTheLogUnderTheServerIdWithControlCharactersReplaced() {
    harness.client("all", "key-bot").listTools();
    assertThat(logs.lines()).anyMatch(l -> l.contains("[tools] stdio test server ready?[31m"));
  }

  @Test
  void processThatDiesMidCallFailsThatCallAtOnceAndIsRestartedForTheNext() {
    McpSyncClient client = harness.client("all", "key-bot");
    String before = text(client, "crashy__pid", Map.of());
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.callTool(call("crashy__crash", Map.of())))
        .hasMessageContaining("upstream 'crashy'");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    String after = text(client, "crashy__pid", Map.of());
    assertThat(after).isNotEqualTo(before);
    assertThat(ProcessHandle.of(Long.parseLong(before)).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
    assertThat(logs.lines())
        .anyMatch(l -> l.contains("crashy") && l.contains("exited with status 3"));
  }

  @Test
  void statelessPoolPinsEachSessionToOneOfItsProcesses() {
    McpSyncClient a = harness.client("all", "key-bot");
    McpSyncClient b = harness.client("all", "key-bot");
    String pidA = text(a, "pooled__pid", Map.of());
    String pidB = text(b, "pooled__pid", Map.of());
    assertThat(pidA).isNotEqualTo(pidB);
    for (int i = 0; i < 3; i++) {
      assertThat(text(a, "pooled__pid", Map.of())).isEqualTo(pidA);
      assertThat(text(b, "pooled__pid", Map.of())).isEqualTo(pidB);
    }
  }

  @Test
  void listChangedFromAStdioServerReachesTheAgent() throws Exception {
    CountDownLatch changed = new CountDownLatch(1);
    McpSyncClient client = hearingToolChanges(changed);
    assertThat(text(client, "tools__announce", Map.of())).isEqualTo("announced");
    assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("tools__late");
  }

  /**
   * The server announces a second change while the gateway fetches its list after the first: the
   * announcement comes on the thread that must also read the list's answer, and neither waits.
   */
  @Test
  void aChangeAnnouncedWhileTheListIsFetchedHoldsUpNoAnswer() throws Exception {
    CountDownLatch changed = new CountDownLatch(2);
    McpSyncClient client = hearingToolChanges(changed);
    assertThat(text(client, "tools__announce_mid_list", Map.of())).isEqualTo("announced");
    assertThat(changed.await(15, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThat(text(client, "tools__echo", Map.of("text", "after"))).isEqualTo("echo after");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shutdownStopsEveryProcessItStarted() throws Exception {
    ServerConfig boot =
        ServerConfig.stdio("boot", StdioTestServer.command(), Map.of())
            .withProcess(new ProcessOptions(ProcessOptions.Start.BOOT, 1, false));
    GatewayHarness own =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(boot), List.of(persona("all", "*")), List.of(agent("bot", "k", "all"))));
    long pid;
    try {
      pid = Long.parseLong(text(own.client("all", "k"), "boot__pid", Map.of()));
      assertThat(ProcessHandle.of(pid)).isPresent();
    } finally {
      own.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  /** A client that has listed the tools and counts {@code changed} down on each change. */
  private static McpSyncClient hearingToolChanges(CountDownLatch changed) {
    McpSyncClient client =
        harness.client(
            "all",
            "key-bot",
            List.of(),
            spec -> spec.toolsChangeConsumer(t -> changed.countDown()));
    client.listTools();
    return client;
  }

  static McpSchema.CallToolRequest call(String tool, Map<String, Object> args) {
    return McpSchema.CallToolRequest.builder().name(tool).arguments(args).build();
  }

  static String text(McpSyncClient client, String tool, Map<String, Object> args) {
    McpSchema.CallToolResult r = client.callTool(call(tool, args));
    assertThat(r.isError()).as("%s failed: %s", tool, r.content()).isNotEqualTo(Boolean.TRUE);
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }
}
