package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.testing.EventStream;
import dev.warden.testing.Eventually;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessMcp;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resourceSubscriptions} on a 2026-07-28 {@code subscriptions/listen} stream, built by hand,
 * bridged to a 2025-11-25 upstream from the MCP Java SDK that takes subscriptions: the persona's
 * resources are subscribed to upstream and their updates reach the streams that asked for them.
 */
@Timeout(60)
class ListenResourceSubscriptionsIT {
  private static final String README = "docs://readme";
  private static final String SECRET = "docs://secret";
  private static SdkUpstream docs;
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    docs = SdkUpstream.startWithResources("docs", README, SECRET);
    PersonaConfig reader =
        new PersonaConfig("reader", "Reads the readme", List.of(), List.of(), List.of(README));
    var config = GatewayHarness.config(List.of(docs.server()), reader, "key-reader");
    // A short keep-alive, so that a client that left is noticed quickly.
    Limits quick = new Limits(4L * 1024 * 1024, 64, Duration.ofMinutes(30), Duration.ofMillis(200));
    harness = GatewayHarness.start(GatewayHarness.withLimits(config, quick));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    docs.close();
  }

  private static StatelessMcp client() {
    return new StatelessMcp(harness.raw("reader", "key-reader"));
  }

  @Test
  void discoverAnnouncesSubscriptions() {
    JsonNode caps = client().call("server/discover").result().path("capabilities");
    assertThat(caps.path("resources").path("subscribe").asBoolean()).isTrue();
  }

  @Test
  void updatesOfASubscribedResourceReachTheStreamsThatAskedForIt() throws Exception {
    StatelessMcp client = client();
    var filter = StatelessMcp.object();
    filter.putArray("resourceSubscriptions").add(README).add(SECRET).add("docs://nowhere");
    try (EventStream subscribed = client.listen(filter);
        EventStream other = client.listen(StatelessMcp.object().put("toolsListChanged", true))) {
      waitFor(() -> !subscribed.messages().isEmpty() && !other.messages().isEmpty(), "the acks");
      JsonNode ack = subscribed.messages().get(0);
      JsonNode agreed = ack.path("params").path("notifications").path("resourceSubscriptions");
      // Outside the persona (secret) or in no server's catalog: left out of the agreement.
      assertThat(StreamSupport.stream(agreed.spliterator(), false).map(JsonNode::asText))
          .containsExactly(README);
      assertThat(docs.bodies())
          .anyMatch(b -> b.contains("resources/subscribe") && b.contains(README))
          .noneMatch(b -> b.contains("resources/subscribe") && b.contains(SECRET));

      JsonNode update = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (update == null && System.nanoTime() < deadline) {
        // again, in case the upstream's event stream was not open yet
        docs.mcp().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(README));
        Thread.sleep(200);
        update =
            subscribed.messages().stream()
                .filter(m -> m.path("method").asText().equals("notifications/resources/updated"))
                .findFirst()
                .orElse(null);
      }
      assertThat(update).as("resources/updated on the listen stream").isNotNull();
      assertThat(update.path("params").path("uri").asText()).isEqualTo(README);
      assertThat(
              update
                  .path("params")
                  .path("_meta")
                  .path("io.modelcontextprotocol/subscriptionId")
                  .asText())
          .isEqualTo(
              ack.path("params")
                  .path("_meta")
                  .path("io.modelcontextprotocol/subscriptionId")
                  .asText());
      // The stream that did not subscribe to the resource never gets its updates.
      assertThat(other.messages())
          .extracting(m -> m.path("method").asText())
          .containsExactly("notifications/subscriptions/acknowledged");
    }
  }

  private static long sent(String method) {
    return docs.bodies().stream()
        .filter(b -> b.contains("\"" + method + "\"") && b.contains(README))
        .count();
  }

  /**
   * Each stream holds its subscription on the held session's upstream session: the server is asked
   * to unsubscribe when the last stream holding the URI ends, not before.
   */
  @Test
  void theLastStreamHoldingAUriToEndUnsubscribesFromIt() {
    StatelessMcp client = client();
    var filter = StatelessMcp.object();
    filter.putArray("resourceSubscriptions").add(README);
    long unsubscribed = sent("resources/unsubscribe");
    EventStream first = client.listen(filter);
    EventStream second = client.listen(filter);
    waitFor(
        () -> !first.messages().isEmpty() && !second.messages().isEmpty(), "the acknowledgements");

    first.close();
    Eventually.sleep(1_000); // a few keep-alives: the gateway has noticed
    assertThat(sent("resources/unsubscribe"))
        .as("while one stream holds it")
        .isEqualTo(unsubscribed);

    second.close();
    waitFor(() -> sent("resources/unsubscribe") == unsubscribed + 1, "the unsubscribe upstream");
  }
}
