package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerRequestsTest {
  /** An upstream session that records what is posted to it. */
  private static final class Recording implements UpstreamSession {
    final List<JsonNode> posted = new CopyOnWriteArrayList<>();

    @Override
    public UpstreamReply send(byte[] request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void post(byte[] message) {
      posted.add(tree(new String(message, StandardCharsets.UTF_8)));
    }

    @Override
    public ObjectNode initializeResult() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public void close() {}
  }

  private final Recording a = new Recording();
  private final Recording b = new Recording();
  private final Map<String, UpstreamSession> upstreams = Map.of("a", a, "b", b);

  private ServerRequests requests(String capabilities, int max, Duration timeout) {
    return new ServerRequests(
        s -> Optional.ofNullable(upstreams.get(s)), tree(capabilities), max, timeout);
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) JsonRpcCodec.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode sampling(int id) {
    return tree(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"sampling/createMessage\",\"params\":{}}");
  }

  @Test
  void sameUpstreamIdsFromTwoServersGetDistinctGatewayIdsAndAnswersGoBackUnderTheOriginalId() {
    ServerRequests r = requests("{\"sampling\":{}}", 4, Duration.ofMinutes(1));
    JsonNode toClientA = tree(new String(r.open("a", sampling(1)).orElseThrow())).get("id");
    JsonNode toClientB = tree(new String(r.open("b", sampling(1)).orElseThrow())).get("id");
    assertThat(toClientA).isNotEqualTo(toClientB);

    Optional<JsonRpcError> refused =
        r.answer(tree("{\"jsonrpc\":\"2.0\",\"id\":" + toClientB + ",\"result\":{\"x\":2}}"));
    assertThat(refused).isEmpty();
    assertThat(b.posted).hasSize(1);
    assertThat(b.posted.getFirst().get("id").asInt()).isEqualTo(1);
    assertThat(b.posted.getFirst().path("result").path("x").asInt()).isEqualTo(2);
    assertThat(a.posted).isEmpty();
  }

  @Test
  void answerToAnUnknownOrAlreadyAnsweredIdIsRefusedWithAClearError() {
    ServerRequests r = requests("{\"sampling\":{}}", 4, Duration.ofMinutes(1));
    JsonNode id = tree(new String(r.open("a", sampling(7)).orElseThrow())).get("id");
    String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}";
    assertThat(r.answer(tree(answer))).isEmpty();
    assertThat(r.answer(tree(answer)))
        .get()
        .extracting(JsonRpcError::message)
        .asString()
        .contains("is waiting for an answer");
    assertThat(r.answer(tree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"))).isPresent();
    assertThat(a.posted).hasSize(1);
  }

  @Test
  void requestTheClientDidNotDeclareIsAnsweredWithAnErrorAtOnce() {
    ServerRequests r = requests("{\"roots\":{}}", 4, Duration.ofMinutes(1));
    assertThat(r.open("a", sampling(3))).isEmpty();
    assertThat(a.posted).hasSize(1);
    assertThat(a.posted.getFirst().get("id").asInt()).isEqualTo(3);
    assertThat(a.posted.getFirst().path("error").path("message").asText())
        .contains("did not declare the sampling capability");
  }

  @Test
  void pendingRequestsAreBoundedPerSession() {
    ServerRequests r = requests("{\"sampling\":{}}", 2, Duration.ofMinutes(1));
    assertThat(r.open("a", sampling(1))).isPresent();
    assertThat(r.open("a", sampling(2))).isPresent();
    assertThat(r.open("a", sampling(3))).isEmpty();
    assertThat(a.posted).hasSize(1);
    assertThat(a.posted.getFirst().path("error").path("message").asText())
        .contains("already has 2 requests");
  }

  @Test
  void unansweredRequestTimesOutWithAnErrorToTheUpstream() throws Exception {
    ServerRequests r = requests("{\"sampling\":{}}", 4, Duration.ofMillis(200));
    assertThat(r.open("a", sampling(9))).isPresent();
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (a.posted.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(a.posted).hasSize(1);
    assertThat(a.posted.getFirst().get("id").asInt()).isEqualTo(9);
    assertThat(a.posted.getFirst().path("error").path("message").asText())
        .contains("did not answer within");
    assertThat(r.size()).isZero();
  }

  @Test
  void pingIsAnsweredByTheGatewayAndUnknownMethodsAreRefused() {
    ServerRequests r = requests("{}", 4, Duration.ofMinutes(1));
    assertThat(r.open("a", tree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))).isEmpty();
    assertThat(r.open("a", tree("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tasks/get\"}")))
        .isEmpty();
    assertThat(a.posted).hasSize(2);
    assertThat(a.posted.get(0).has("result")).isTrue();
    assertThat(a.posted.get(1).path("error").path("code").asInt())
        .isEqualTo(JsonRpcError.METHOD_NOT_FOUND);
  }
}
