package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.PersonaConfig;
import dev.warden.testing.Eventually;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2025-11-25 upstream (the MCP Java SDK) that forgets Warden's MCP session, as after an expiry or
 * a restart: its standalone stream ends and it answers the session's id with 404. Warden opens a
 * new session, subscribes it again to the resources its client holds, and opens the standalone
 * stream on it, both for a client's upstream session and for the catalog's, which relays list
 * changes.
 */
@Timeout(90)
class ForgottenUpstreamSessionIT {
  private static final String README = "docs://readme";
  private static final String KEY = "key-bot";

  private SdkUpstream docs;
  private GatewayHarness harness;
  private final Set<String> updated = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    docs = SdkUpstream.startWithResources("docs", README);
    PersonaConfig reader =
        new PersonaConfig("reader", "Reads docs", List.of("docs__*"), List.of(), List.of(README));
    harness = GatewayHarness.start(GatewayHarness.config(List.of(docs.server()), reader, KEY));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    docs.close();
  }

  private McpSyncClient client() {
    return harness.subscriber("reader", KEY, updated::add);
  }

  /** The server's own announcement, until the client has read it: true when it did. */
  private boolean announcedUntilSeen() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!updated.contains(README) && System.nanoTime() < deadline) {
      docs.mcp().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(README));
      Eventually.sleep(200);
    }
    return updated.contains(README);
  }

  @Test
  void aSessionTheServerForgotIsSubscribedAgainOnItsSuccessor() throws Exception {
    McpSyncClient client = client();
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    waitFor(() -> docs.sessionOf("resources/subscribe").isPresent(), "the subscribe upstream");
    String first = docs.sessionOf("resources/subscribe").orElseThrow();
    waitFor(() -> docs.openEventStreamsOf(first) == 1, "the upstream session's event stream");
    assertThat(announcedUntilSeen()).as("an update before").isTrue();

    docs.forget(first);

    waitFor(
        () -> docs.sessionsOf("resources/subscribe").size() == 2, "the subscribe on a new session");
    String second = docs.sessionsOf("resources/subscribe").getLast();
    assertThat(second).isNotEqualTo(first);
    waitFor(() -> docs.openEventStreamsOf(second) == 1, "the new session's event stream");
    // The client was told to read again when the stream came back; what counts is what follows.
    waitFor(() -> updated.contains(README), "the update after the stream came back");
    updated.clear();
    assertThat(announcedUntilSeen()).as("an update after the server forgot the session").isTrue();
  }

  @Test
  void theCatalogHearsListChangesAgainAfterTheServerForgotItsSession() throws Exception {
    McpSyncClient client = client();
    waitFor(() -> docs.sessionOf("tools/list").isPresent(), "the catalog's listing");
    String catalog = docs.sessionOf("tools/list").orElseThrow();
    waitFor(() -> docs.openEventStreamsOf(catalog) == 1, "the catalog's event stream");

    docs.forget(catalog);
    docs.addTool("late", (exchange, args) -> "late");

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    boolean listed = false;
    while (!listed && System.nanoTime() < deadline) {
      docs.mcp().notifyToolsListChanged(); // to every session with a stream open
      Eventually.sleep(300);
      listed = client.listTools().tools().stream().anyMatch(t -> t.name().equals("docs__late"));
    }
    assertThat(listed).as("the tool the server announced after it forgot the session").isTrue();
  }
}
