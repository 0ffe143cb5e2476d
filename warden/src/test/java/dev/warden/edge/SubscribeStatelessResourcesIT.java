package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.PersonaConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.StatelessResourceServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resources/subscribe} from a 2025-11-25 client (the MCP Java SDK) for resources of a
 * 2026-07-28 server, which has no such method: Warden holds a listen stream of that server for the
 * client's session, and the updates reach the client on its GET stream.
 */
@Timeout(60)
class SubscribeStatelessResourcesIT {
  private static final String A = "notes://a";
  private static final String B = "notes://b";
  private static final String REFUSED = "notes://refused";

  private StatelessResourceServer notes;
  private GatewayHarness harness;
  private final Set<String> updated = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    notes = StatelessResourceServer.start(null, A, B, REFUSED);
    notes.refuse(REFUSED);
    PersonaConfig reader =
        new PersonaConfig("reader", "Reads notes", List.of(), List.of(), List.of("notes://*"));
    var server = notes.server("notes", Map.of(), Duration.ofSeconds(5));
    harness = GatewayHarness.start(GatewayHarness.config(List.of(server), reader, "key-reader"));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    notes.close();
  }

  private McpSyncClient client() {
    return harness.subscriber("reader", "key-reader", updated::add);
  }

  /** Announces {@code uri} until the client has read it again (its GET stream may open late). */
  private void seen(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!updated.contains(uri) && System.nanoTime() < deadline) {
      notes.updated(uri);
      Thread.sleep(200);
    }
    assertThat(updated).as("updates the client read").contains(uri);
  }

  /** The URIs of the last subscriptions/listen the server received. */
  private List<String> lastListenUris() {
    List<ObjectNode> listens = notes.listens();
    JsonNode uris =
        listens
            .get(listens.size() - 1)
            .path("params")
            .path("notifications")
            .path("resourceSubscriptions");
    return StreamSupport.stream(uris.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void updatesOfSubscribedResourcesReachTheClient() throws Exception {
    McpSyncClient client = client();
    client.subscribeResource(new McpSchema.SubscribeRequest(A));
    assertThat(lastListenUris()).containsExactly(A);
    seen(A);

    client.subscribeResource(new McpSchema.SubscribeRequest(B));
    assertThat(lastListenUris()).containsExactly(A, B);
    // The stream for A alone was replaced by the one for both.
    waitFor(() -> notes.openListens() == 1, "one upstream stream for the session");
    seen(B);
    updated.clear();
    seen(A);
  }

  @Test
  void aUriTheServerRefusesIsAnErrorAndTheOthersStay() throws Exception {
    McpSyncClient client = client();
    client.subscribeResource(new McpSchema.SubscribeRequest(A));
    assertThatThrownBy(() -> client.subscribeResource(new McpSchema.SubscribeRequest(REFUSED)))
        .hasMessageContaining("did not accept");
    waitFor(() -> notes.openListens() == 1, "the stream for A alone");
    seen(A);
  }

  @Test
  void unsubscribingStopsTheUpdatesAndTheLastOneClosesTheStream() throws Exception {
    McpSyncClient client = client();
    client.subscribeResource(new McpSchema.SubscribeRequest(A));
    client.subscribeResource(new McpSchema.SubscribeRequest(B));
    seen(B);
    client.unsubscribeResource(new McpSchema.UnsubscribeRequest(A));
    updated.clear();
    notes.updated(A);
    seen(B);
    assertThat(updated).doesNotContain(A);
    client.unsubscribeResource(new McpSchema.UnsubscribeRequest(B));
    waitFor(() -> notes.openListens() == 0, "the upstream stream to close");
  }

  @Test
  void theStreamClosesWithTheSession() {
    McpSyncClient client = client();
    client.subscribeResource(new McpSchema.SubscribeRequest(A));
    waitFor(() -> notes.openListens() == 1, "the upstream stream");
    client.closeGracefully(); // DELETE ends the session
    waitFor(() -> notes.openListens() == 0, "the upstream stream to close");
  }
}
