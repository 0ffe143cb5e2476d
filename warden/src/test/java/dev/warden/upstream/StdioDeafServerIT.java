package dev.warden.upstream;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.Limits;
import dev.warden.config.ServerConfig;
import dev.warden.testing.DeafStdioServer;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.StdioTestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stdio server that stops reading its input, while agents keep calling it with large arguments:
 * what Warden writes to it piles up, and no agent connection may wait for that pipe. With one event
 * loop every connection shares it, so a write blocked on the full pipe in a request's thread would
 * hold up every agent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StdioDeafServerIT {

  @Test
  void aServerThatStopsReadingHoldsUpNoOtherAgent() throws Exception {
    ServerConfig deaf =
        ServerConfig.stdio("deaf", StdioTestServer.command(DeafStdioServer.class), Map.of())
            .withTimeout(Duration.ofSeconds(60));
    ServerConfig tools = ServerConfig.stdio("tools", StdioTestServer.command(), Map.of());
    Limits d = Limits.DEFAULTS;
    Limits oneLoop =
        new Limits(
            d.maxBodyBytes(),
            d.maxJsonDepth(),
            d.sessionIdleTimeout(),
            d.streamKeepAlive(),
            d.connectionThreads(),
            1);
    try (GatewayHarness h =
        GatewayHarness.start(
            GatewayHarness.withLimits(
                GatewayHarness.config(
                    List.of(deaf, tools),
                    List.of(persona("all", "*")),
                    List.of(agent("bot", "key-bot", "all"))),
                oneLoop))) {
      McpSyncClient caller = h.client("all", "key-bot");
      McpSyncClient other = h.client("all", "key-bot");
      assertThat(echo(other, "before")).isEqualTo("echo before");

      // The first call stops the server reading; the next ones fill its pipe (64 KiB) many times.
      String blob = "x".repeat(256 * 1024);
      List<Thread> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        caller.callTool(
                            McpSchema.CallToolRequest.builder()
                                .name("deaf__deaf")
                                .arguments(Map.of("blob", blob))
                                .build());
                      } catch (RuntimeException e) {
                        // the call never ends well: the server is stuck
                      }
                    }));
        Thread.sleep(200);
      }
      Thread.sleep(500); // the writes of the later calls are under way

      long start = System.nanoTime();
      assertThat(echo(other, "during")).isEqualTo("echo during");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      calls.forEach(Thread::interrupt);
    }
  }

  private static String echo(McpSyncClient client, String text) {
    McpSchema.CallToolResult r =
        client.callTool(
            McpSchema.CallToolRequest.builder()
                .name("tools__echo")
                .arguments(Map.of("text", text))
                .build());
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }
}
