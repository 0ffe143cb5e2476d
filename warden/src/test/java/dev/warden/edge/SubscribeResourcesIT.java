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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resources/subscribe} from a 2025-11-25 client (the MCP Java SDK) for resources of a
 * 2025-11-25 server (the SDK too): Warden forwards it, opens the upstream session's standalone
 * event stream on the first accepted subscribe, and relays the updates of the URIs the session
 * subscribed to onto the client's GET stream.
 */
@Timeout(60)
class SubscribeResourcesIT {
  private static final String README = "docs://readme";
  private static final String NEWS = "docs://news";
  private static final String SECRET = "docs://secret";
  private static final String UPDATED = "notifications/resources/updated";
  private static final String KEY = "key-bot";

  private SdkUpstream docs;
  private GatewayHarness harness;
  private final Set<String> updated = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    docs = SdkUpstream.startWithResources("docs", README, NEWS, SECRET);
    PersonaConfig reader =
        new PersonaConfig("reader", "Reads docs", List.of(), List.of(), List.of(README, NEWS));
    PersonaConfig caller =
        new PersonaConfig("caller", "Calls tools", List.of("docs__echo"), List.of(), List.of());
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(docs.server()),
                List.of(reader, caller),
                List.of(GatewayHarness.agent("bot", KEY, "reader", "caller"))));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    docs.close();
  }

  private McpSyncClient client(String persona) {
    return harness.subscriber(persona, KEY, updated::add);
  }

  /** The upstream MCP session Warden opened for the client (the catalog's never subscribes). */
  private String upstreamSession(String method) {
    waitFor(() -> docs.sessionOf(method).isPresent(), "a " + method + " upstream");
    return docs.sessionOf(method).orElseThrow();
  }

  /** Waits until the upstream session's event stream is open (the client got its answer before). */
  private void streamOpen(String session) {
    waitFor(() -> docs.openEventStreamsOf(session) == 1, "the upstream session's event stream");
  }

  /** Announces {@code uri} to the session until the client has read it (its GET may open late). */
  private void seen(String session, String uri) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!updated.contains(uri) && System.nanoTime() < deadline) {
      docs.notify(session, UPDATED, Map.of("uri", uri));
      Eventually.sleep(200);
    }
    assertThat(updated).as("updates the client read").contains(uri);
  }

  @Test
  void initializeAnnouncesSubscribeOnlyWhereAServerOfThePersonaTakesThem() {
    McpSchema.ServerCapabilities reader = client("reader").getServerCapabilities();
    assertThat(reader.resources().subscribe()).isTrue();
    assertThat(reader.resources().listChanged()).isTrue();
    // docs takes subscriptions, but offers this persona no resource.
    McpSchema.ServerCapabilities caller = client("caller").getServerCapabilities();
    assertThat(caller.resources().subscribe()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void updatesOfASubscribedResourceReachTheClient() {
    McpSyncClient client = client("reader");
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    String session = upstreamSession("resources/subscribe");
    streamOpen(session);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!updated.contains(README) && System.nanoTime() < deadline) {
      // The server's own announcement, which goes to the sessions that subscribed.
      docs.mcp().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(README));
      Eventually.sleep(200);
    }
    assertThat(updated).contains(README);
  }

  /**
   * The server announces an update the moment it has answered the subscribe: the upstream session's
   * event stream was open (and accepted) before the subscribe was forwarded, so it is not lost.
   */
  @Test
  void anUpdateSentRightAfterTheSubscribeAnswerReachesTheClient() {
    docs.updateOnSubscribe();
    McpSyncClient client = client("reader");
    // The client's own GET stream is open before it subscribes, so only Warden's side could lose
    // it.
    waitFor(
        () -> harness.gateway().sessions().all().stream().anyMatch(s -> s.hasEventStream()),
        "the client's event stream");
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    waitFor(() -> updated.contains(README), "the update sent with the subscribe answer");
  }

  @Test
  void updatesOfUrisNotSubscribedToAreDropped() {
    McpSyncClient client = client("reader");
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    String session = upstreamSession("resources/subscribe");
    streamOpen(session);
    docs.notify(session, UPDATED, Map.of("uri", NEWS));
    docs.notify(session, UPDATED, Map.of("uri", SECRET));
    seen(session, README);
    Eventually.sleep(300);
    assertThat(updated).containsExactly(README);
  }

  @Test
  void unsubscribingStopsTheUpdates() {
    McpSyncClient client = client("reader");
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    client.subscribeResource(new McpSchema.SubscribeRequest(NEWS));
    String session = upstreamSession("resources/subscribe");
    streamOpen(session);
    seen(session, README);
    client.unsubscribeResource(new McpSchema.UnsubscribeRequest(README));
    assertThat(docs.bodies()).anyMatch(b -> b.contains("resources/unsubscribe"));
    updated.clear();
    docs.notify(session, UPDATED, Map.of("uri", README)); // as a server that ignores it would
    seen(session, NEWS);
    Eventually.sleep(300);
    assertThat(updated).containsExactly(NEWS);
  }

  @Test
  void theUpstreamEventStreamOpensWithTheFirstSubscribeOnly() {
    McpSyncClient client = client("reader");
    client.readResource(new McpSchema.ReadResourceRequest(README));
    String session = upstreamSession("resources/read");
    Eventually.sleep(500);
    assertThat(docs.eventStreamsOf(session)).as("before any subscribe").isZero();

    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    waitFor(() -> docs.eventStreamsOf(session) == 1, "the upstream session's event stream");
    client.subscribeResource(new McpSchema.SubscribeRequest(NEWS));
    Eventually.sleep(300);
    assertThat(docs.eventStreamsOf(session)).as("opened once").isEqualTo(1);
  }

  @Test
  void theUpstreamEventStreamClosesWithTheSession() {
    McpSyncClient client = client("reader");
    client.subscribeResource(new McpSchema.SubscribeRequest(README));
    String session = upstreamSession("resources/subscribe");
    waitFor(() -> docs.openEventStreamsOf(session) == 1, "the upstream session's event stream");
    client.closeGracefully(); // DELETE ends the session
    waitFor(() -> docs.openEventStreamsOf(session) == 0, "the upstream event stream to close");
  }
}
