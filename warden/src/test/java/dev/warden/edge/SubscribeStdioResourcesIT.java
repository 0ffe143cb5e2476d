package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.testing.Eventually;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.StdioTestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resources/subscribe} for a stdio server: every session shares the process's one MCP
 * session, whose notifications arrive on the link; an update reaches the sessions that subscribed
 * to the URI through Warden, and no other.
 */
@Timeout(90)
class SubscribeStdioResourcesIT {
  private static final String KEY = "key-bot";
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig notes = ServerConfig.stdio("notes", StdioTestServer.command(), Map.of());
    PersonaConfig reader =
        new PersonaConfig(
            "reader",
            "Reads notes",
            List.of("notes__touch"),
            List.of(),
            List.of(StdioTestServer.NOTE));
    harness = GatewayHarness.start(GatewayHarness.config(List.of(notes), reader, KEY));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static McpSyncClient client(Set<String> updated) {
    return harness.client(
        "reader",
        KEY,
        List.of("2025-11-25"),
        spec ->
            spec.resourcesUpdateConsumer(contents -> contents.forEach(c -> updated.add(c.uri()))));
  }

  @Test
  void updatesReachTheSessionsThatSubscribedOnly() {
    Set<String> mine = ConcurrentHashMap.newKeySet();
    Set<String> theirs = ConcurrentHashMap.newKeySet();
    McpSyncClient subscriber = client(mine);
    McpSyncClient other = client(theirs);
    assertThat(subscriber.getServerCapabilities().resources().subscribe()).isTrue();
    subscriber.subscribeResource(new McpSchema.SubscribeRequest(StdioTestServer.NOTE));

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!mine.contains(StdioTestServer.NOTE) && System.nanoTime() < deadline) {
      // the other session has the server announce it (both share the process)
      other.callTool(new McpSchema.CallToolRequest("notes__touch", Map.of()));
      Eventually.sleep(200);
    }
    assertThat(mine).containsExactly(StdioTestServer.NOTE);
    Eventually.sleep(300);
    assertThat(theirs).isEmpty();
  }
}
