package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resources/subscribe} for a stdio server: every session shares the process's one MCP
 * session, whose notifications arrive on the link; an update reaches the sessions that subscribed
 * to the URI through Warden, and no other. The sessions share the server's subscription: one
 * leaving does not end it for the others, and a restarted process is subscribed again.
 */
@Timeout(120)
class SubscribeStdioResourcesIT {
  private static final String KEY = "key-bot";
  private GatewayHarness harness;

  @BeforeEach
  void start() throws Exception {
    ServerConfig notes = ServerConfig.stdio("notes", StdioTestServer.command(), Map.of());
    PersonaConfig reader =
        new PersonaConfig(
            "reader",
            "Reads notes",
            List.of("notes__touch", "notes__crash", "notes__pid"),
            List.of(),
            List.of(StdioTestServer.NOTE));
    harness = GatewayHarness.start(GatewayHarness.config(List.of(notes), reader, KEY));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private McpSyncClient client(Set<String> updated) {
    return harness.subscriber("reader", KEY, updated::add);
  }

  /** Has the server announce the note (through {@code via}) until {@code seen} has it. */
  private static void touchUntilSeen(McpSyncClient via, Set<String> seen) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!seen.contains(StdioTestServer.NOTE) && System.nanoTime() < deadline) {
      via.callTool(new McpSchema.CallToolRequest("notes__touch", Map.of()));
      Eventually.sleep(200);
    }
    assertThat(seen).as("updates the subscriber read").containsExactly(StdioTestServer.NOTE);
  }

  private static void subscribe(McpSyncClient client) {
    client.subscribeResource(new McpSchema.SubscribeRequest(StdioTestServer.NOTE));
  }

  @Test
  void updatesReachTheSessionsThatSubscribedOnly() {
    Set<String> mine = ConcurrentHashMap.newKeySet();
    Set<String> theirs = ConcurrentHashMap.newKeySet();
    McpSyncClient subscriber = client(mine);
    McpSyncClient other = client(theirs);
    assertThat(subscriber.getServerCapabilities().resources().subscribe()).isTrue();
    subscribe(subscriber);

    // the other session has the server announce it (both share the process)
    touchUntilSeen(other, mine);
    Eventually.sleep(300);
    assertThat(theirs).isEmpty();
  }

  @Test
  void oneSessionsUnsubscribeLeavesTheOthersSubscribed() {
    Set<String> leaving = ConcurrentHashMap.newKeySet();
    Set<String> staying = ConcurrentHashMap.newKeySet();
    McpSyncClient a = client(leaving);
    McpSyncClient b = client(staying);
    subscribe(a);
    subscribe(b);

    a.unsubscribeResource(new McpSchema.UnsubscribeRequest(StdioTestServer.NOTE));

    touchUntilSeen(a, staying);
    assertThat(leaving).isEmpty();
  }

  @Test
  void oneSessionEndingLeavesTheOthersSubscribed() {
    Set<String> leaving = ConcurrentHashMap.newKeySet();
    Set<String> staying = ConcurrentHashMap.newKeySet();
    McpSyncClient a = client(leaving);
    McpSyncClient b = client(staying);
    subscribe(a);
    subscribe(b);

    a.closeGracefully(); // DELETE: its session ends
    waitFor(() -> harness.gateway().sessions().all().size() == 1, "the session to end");

    touchUntilSeen(b, staying);
  }

  @Test
  void aRestartedProcessIsSubscribedAgain() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    McpSyncClient subscriber = client(seen);
    McpSyncClient other = client(ConcurrentHashMap.newKeySet());
    subscribe(subscriber);
    touchUntilSeen(other, seen);
    String before = text(other, "notes__pid");
    seen.clear();

    try {
      other.callTool(new McpSchema.CallToolRequest("notes__crash", Map.of()));
    } catch (RuntimeException expected) {
      // the process died in the middle of the call
    }
    // The new process announces nothing by itself; the subscriber is told to read again.
    waitFor(() -> seen.contains(StdioTestServer.NOTE), "the update after the restart");
    assertThat(text(other, "notes__pid")).isNotEqualTo(before);
    seen.clear();

    touchUntilSeen(other, seen);
  }

  private static String text(McpSyncClient client, String tool) {
    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, Map.of()));
    return ((McpSchema.TextContent) r.content().getFirst()).text();
  }
}
