package dev.warden.edge;

import static dev.warden.testing.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.config.Secret;
import dev.warden.testing.EventStream;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.StatelessMcp;
import dev.warden.testing.StatelessResourceServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resourceSubscriptions} on a 2026-07-28 {@code subscriptions/listen} stream for resources
 * of a server of that era (a hand-built one): Warden opens the server's own listen stream for each
 * client stream, agrees what the server acknowledged, relays its updates under the client's
 * subscription id, and closes the upstream stream with the client's.
 */
@Timeout(60)
class ListenStatelessResourcesIT {
  private static final String A = "notes://a";
  private static final String B = "notes://b";
  private static final String REFUSED = "notes://refused";
  private static final String SECRET = "notes://secret";
  private static final String DRAFT = "drafts://d1";
  private static final String UPSTREAM_AUTH = "Bearer upstream-secret";
  private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  private static final String UPDATED = "notifications/resources/updated";

  private StatelessResourceServer notes;
  private GatewayHarness harness;

  @BeforeEach
  void start() throws Exception {
    notes =
        StatelessResourceServer.start(
            "drafts://", A, B, REFUSED, SECRET, StatelessResourceServer.SILENT);
    notes.refuse(REFUSED);
    PersonaConfig reader =
        new PersonaConfig(
            "reader",
            "Reads notes",
            List.of(),
            List.of(),
            List.of(A, B, REFUSED, StatelessResourceServer.SILENT, "drafts://*"));
    var server =
        notes.server(
            "notes", Map.of("Authorization", Secret.literal(UPSTREAM_AUTH)), Duration.ofSeconds(5));
    var config = GatewayHarness.config(List.of(server), reader, "key-reader");
    // A short keep-alive, so that a client that left is noticed quickly.
    Limits quick = new Limits(4L * 1024 * 1024, 64, Duration.ofMinutes(30), Duration.ofMillis(200));
    harness = GatewayHarness.start(GatewayHarness.withLimits(config, quick));
  }

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
    notes.close();
  }

  private StatelessMcp client() {
    return new StatelessMcp(harness.raw("reader", "key-reader"));
  }

  private static ObjectNode filter(String... uris) {
    ObjectNode filter = StatelessMcp.object();
    var array = filter.putArray("resourceSubscriptions");
    for (String uri : uris) {
      array.add(uri);
    }
    return filter;
  }

  private static List<String> agreed(JsonNode ack) {
    JsonNode uris = ack.path("params").path("notifications").path("resourceSubscriptions");
    return StreamSupport.stream(uris.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<JsonNode> updates(EventStream stream) {
    return stream.messages().stream()
        .filter(m -> m.path("method").asText().equals(UPDATED))
        .toList();
  }

  private static EventStream acknowledged(EventStream stream) {
    waitFor(() -> !stream.messages().isEmpty(), "the acknowledgement");
    return stream;
  }

  @Test
  void discoverAnnouncesSubscriptions() {
    JsonNode caps = client().call("server/discover").result().path("capabilities");
    assertThat(caps.path("resources").path("subscribe").asBoolean()).isTrue();
  }

  @Test
  void agreesTheUrisTheServerAcknowledgedOnOneStreamOfItsOwn() {
    try (EventStream s =
        acknowledged(client().listen(filter(A, DRAFT, REFUSED, SECRET, "nowhere://x")))) {
      JsonNode ack = s.messages().get(0);
      assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
      // Refused by the server, outside the persona, or in no server's catalog: left out.
      assertThat(agreed(ack)).containsExactly(A, DRAFT);

      // One upstream stream for the client stream, with the URIs the persona allows.
      assertThat(notes.listens()).hasSize(1);
      JsonNode listen = notes.listens().get(0);
      assertThat(listen.path("params").path("notifications").path("resourceSubscriptions"))
          .extracting(JsonNode::asText)
          .containsExactly(A, DRAFT, REFUSED);
      JsonNode meta = listen.path("params").path("_meta");
      assertThat(meta.path("io.modelcontextprotocol/protocolVersion").asText())
          .isEqualTo("2026-07-28");
      assertThat(meta.path("io.modelcontextprotocol/clientCapabilities").isObject()).isTrue();
      Map<String, String> headers = notes.listenHeaders().get(0);
      assertThat(headers.get("Mcp-Method")).isEqualTo("subscriptions/listen");
      assertThat(headers.get("MCP-Protocol-Version")).isEqualTo("2026-07-28");
      assertThat(headers.get("Authorization")).isEqualTo(UPSTREAM_AUTH); // never the agent's key
      assertThat(notes.openListens()).isEqualTo(1);
    }
  }

  @Test
  void anUpdateReachesTheStreamThatAskedUnderItsSubscriptionId() throws Exception {
    StatelessMcp client = client();
    try (EventStream first = acknowledged(client.listen(filter(A)));
        EventStream second = acknowledged(client.listen(filter(B)))) {
      String firstId =
          first.messages().get(0).path("params").path("_meta").path(SUBSCRIPTION_ID).asText();
      waitFor(() -> notes.openListens() == 2, "one upstream stream per client stream");

      notes.updated(A);
      notes.strayUpdate(SECRET); // never acknowledged: not relayed
      waitFor(() -> !updates(first).isEmpty(), "the update of " + A);
      JsonNode update = updates(first).get(0);
      assertThat(update.path("params").path("uri").asText()).isEqualTo(A);
      // The client's subscription id (its listen request's id), not the server's own.
      assertThat(update.path("params").path("_meta").path(SUBSCRIPTION_ID).asText())
          .isEqualTo(firstId)
          .isNotEqualTo("upstream-own-id");

      notes.updated(B);
      waitFor(() -> !updates(second).isEmpty(), "the update of " + B);
      Thread.sleep(300);
      assertThat(updates(first))
          .extracting(u -> u.path("params").path("uri").asText())
          .containsExactly(A);
      assertThat(updates(second))
          .extracting(u -> u.path("params").path("uri").asText())
          .containsExactly(B);
    }
  }

  @Test
  void theUpstreamStreamClosesWhenTheClientLeaves() {
    EventStream s = acknowledged(client().listen(filter(A, B)));
    waitFor(() -> notes.openListens() == 1, "the upstream stream");
    s.close();
    waitFor(() -> notes.openListens() == 0, "the upstream stream to close");
    assertThat(notes.closedByClient()).isEqualTo(1);
  }

  @Test
  void theUpstreamStreamClosesWhenTheGatewayStops() {
    EventStream s = acknowledged(client().listen(filter(A)));
    waitFor(() -> notes.openListens() == 1, "the upstream stream");
    harness.close();
    harness = null;
    waitFor(() -> notes.openListens() == 0, "the upstream stream to close");
    waitFor(() -> s.ended().isDone(), "the client stream to end");
  }

  @Test
  void aServerThatAcknowledgesNoneIsLeftOutAndItsStreamClosed() {
    try (EventStream s = acknowledged(client().listen(filter(REFUSED)))) {
      JsonNode notifications = s.messages().get(0).path("params").path("notifications");
      assertThat(notifications.has("resourceSubscriptions")).isFalse();
      assertThat(notes.listens()).hasSize(1);
      waitFor(() -> notes.openListens() == 0, "the unused upstream stream to close");
      assertThat(s.ended()).isNotDone(); // the client's stream itself stays open
    }
  }

  @Test
  void aServerThatNeverAcknowledgesIsLeftOutWithinItsTimeout() {
    long start = System.nanoTime();
    try (EventStream s = acknowledged(client().listen(filter(StatelessResourceServer.SILENT)))) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      JsonNode notifications = s.messages().get(0).path("params").path("notifications");
      assertThat(notifications.has("resourceSubscriptions")).isFalse();
      assertThat(waited)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
          .isLessThan(Duration.ofSeconds(8));
      waitFor(() -> notes.openListens() == 0, "the unacknowledged upstream stream to close");
    }
  }

  @Test
  void anUpstreamStreamThatEndsIsOpenedAgainAndTheClientToldToReadAgain() {
    try (EventStream s = acknowledged(client().listen(filter(A)))) {
      waitFor(() -> notes.openListens() == 1, "the upstream stream");
      notes.endListens();
      // Reopened; what changed meanwhile is unknown, so the client hears of an update.
      waitFor(() -> notes.listens().size() == 2 && notes.openListens() == 1, "the reopening");
      waitFor(() -> updates(s).size() == 1, "the update after the reopening");
      notes.updated(A);
      waitFor(() -> updates(s).size() == 2, "updates after the reopening");
      assertThat(s.ended()).isNotDone();
    }
  }

  @Test
  void anUpstreamStreamThatCannotBeReopenedEndsTheClientStreamWithAnError() throws Exception {
    try (EventStream s = acknowledged(client().listen(filter(A)))) {
      waitFor(() -> notes.openListens() == 1, "the upstream stream");
      notes.refuseListens();
      notes.endListens();
      s.ended().get(); // not left hanging
      List<JsonNode> messages = s.messages();
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(last.path("id").asText())
          .isEqualTo(messages.get(0).path("params").path("_meta").path(SUBSCRIPTION_ID).asText());
      assertThat(last.path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(last.path("error").path("message").asText())
          .contains("upstream 'notes'")
          .contains("listen again");
      assertThat(notes.listens()).hasSize(4); // the first and three tries
    }
  }
}
