package dev.warden.upstream;

import static dev.warden.testing.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.ServerConfig;
import dev.warden.testing.Eventually;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.HttpStub;
import dev.warden.testing.HttpStub.Answer;
import dev.warden.testing.HttpStub.Received;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The standalone GET stream of a stateful upstream, which the catalog opens to hear list changes: a
 * 404 (the server forgot the session) brings a new session and the stream is asked for again on it,
 * a bounded number of times; a 405 (the server offers none) is final.
 */
@Timeout(60)
class EventStreamExpiryIT {

  private HttpStub stub;
  private GatewayHarness harness;

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
    stub.close();
  }

  /**
   * Starts the gateway (whose catalog lists the stub at once) before a stub whose sessions are
   * {@code s-1}, {@code s-2} … and whose GET is answered by {@code get}, given the session id.
   */
  private void start(Function<String, Integer> get) throws Exception {
    AtomicInteger sessions = new AtomicInteger();
    stub = HttpStub.start(r -> answer(r, sessions, get));
    harness = GatewayHarness.start(GatewayHarness.config("key-bot", stub()));
  }

  private ServerConfig stub() {
    return ServerConfig.streamableHttp("stub", stub.url());
  }

  private static Answer answer(Received r, AtomicInteger sessions, Function<String, Integer> get) {
    if (r.method().equals("GET")) {
      return new Answer(get.apply(r.header("mcp-session-id")), null, "");
    }
    if (!r.method().equals("POST")) {
      return new Answer(200, null, "");
    }
    return HttpStub.request(r, (message, id) -> answer(message, id, sessions));
  }

  private static Answer answer(JsonNode message, JsonNode id, AtomicInteger sessions) {
    return switch (message.path("method").asText()) {
      case "initialize" -> {
        Answer a =
            HttpStub.result(
                id,
                "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":"
                    + "{\"listChanged\":true}},\"serverInfo\":{\"name\":\"stub\",\"version\":\"1\"}}");
        String session = "s-" + sessions.incrementAndGet();
        yield new Answer(a.status(), a.contentType(), a.body(), List.of("Mcp-Session-Id", session));
      }
      case "tools/list" -> HttpStub.result(id, "{\"tools\":[]}");
      default -> new Answer(200, HttpStub.JSON_TYPE, HttpStub.error(id, -32601, "no"));
    };
  }

  private List<String> streamsAsked() {
    return stub.received().stream()
        .filter(r -> r.method().equals("GET"))
        .map(r -> r.header("mcp-session-id"))
        .toList();
  }

  private long initializes() {
    return stub.received().stream()
        .filter(r -> r.body().contains("\"method\":\"initialize\""))
        .count();
  }

  @Test
  void aStreamAnswered404IsAskedForAgainOnANewSessionAnd405IsFinal() throws Exception {
    start(session -> session.equals("s-1") ? 404 : 405);
    waitFor(() -> streamsAsked().contains("s-2"), "the stream asked for on the new session");
    Eventually.sleep(2_000); // past the next pause of the listener, had it gone on
    assertThat(streamsAsked()).containsExactly("s-1", "s-2");
  }

  @Test
  void aServerThatAnswers404ToEveryNewSessionTooIsLeftWithoutAStream() throws Exception {
    start(session -> 404);
    waitFor(
        () -> streamsAsked().size() == EventStreamListener.MAX_EXPIRED,
        "the stream asked for on new sessions");
    Eventually.sleep(3_000); // past the next pause of the listener, had it gone on
    assertThat(streamsAsked()).hasSize(EventStreamListener.MAX_EXPIRED).doesNotHaveDuplicates();
    // The first session, and one more for each 404.
    assertThat(initializes()).isEqualTo(1 + EventStreamListener.MAX_EXPIRED);
  }
}
