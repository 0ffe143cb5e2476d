package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resource subscriptions counted on one upstream MCP session shared by several holders: the server
 * hears the first subscribe and the last unsubscribe only, and a new session is subscribed again.
 */
class ResourceHoldsTest {
  private static final String NOTE = "stdio://note";
  private static final String MEMO = "stdio://memo";

  private final ResourceHolds holds = new ResourceHolds("notes");
  private final List<String> sent = new ArrayList<>();
  private final Object a = "a";
  private final Object b = "b";

  /** Records each request as "method uri" and answers it with an empty result. */
  private ObjectNode call(String method, JsonNode params) {
    sent.add(method + " " + params.path("uri").asText());
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.putObject("result");
    return answer;
  }

  private static ObjectNode refuse(String method, JsonNode params) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.putObject("error").put("code", -32602).put("message", "no such resource");
    return answer;
  }

  @Test
  void theServerHearsTheFirstSubscribeAndTheLastUnsubscribeOnly() throws Exception {
    holds.subscribe(a, NOTE, this::call);
    holds.subscribe(b, NOTE, this::call);
    assertThat(sent).containsExactly("resources/subscribe " + NOTE);

    assertThat(holds.unsubscribe(a, NOTE, this::call).has("result")).isTrue();
    assertThat(sent).containsExactly("resources/subscribe " + NOTE);
    assertThat(holds.held()).containsExactly(NOTE);

    holds.unsubscribe(b, NOTE, this::call);
    assertThat(sent).endsWith("resources/unsubscribe " + NOTE);
    assertThat(holds.held()).isEmpty();
  }

  @Test
  void anUnsubscribeOfAUriSomeoneElseHoldsIsNotSent() throws Exception {
    holds.subscribe(a, NOTE, this::call);
    holds.unsubscribe(b, NOTE, this::call);
    assertThat(sent).containsExactly("resources/subscribe " + NOTE);
    assertThat(holds.held()).containsExactly(NOTE);
  }

  @Test
  void aHolderThatComesWhileTheFirstSubscribeIsPendingSharesItsOutcome() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ResourceHolds.Caller slowRefusal =
        (method, params) -> {
          asked.countDown();
          try {
            answer.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return refuse(method, params);
        };
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    CompletableFuture<ObjectNode> first =
        CompletableFuture.supplyAsync(() -> subscribe(a, slowRefusal), threads);
    assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<ObjectNode> second =
        CompletableFuture.supplyAsync(() -> subscribe(b, this::call), threads);
    Thread.sleep(200);
    assertThat(second).as("not told subscribed before the server answers").isNotDone();
    answer.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).has("error")).isTrue();
    assertThat(second.get(5, TimeUnit.SECONDS).has("error")).isTrue();
    threads.close();
    assertThat(holds.held()).isEmpty();
    assertThat(sent).as("the second holder sent nothing itself").isEmpty();
    // A later holder asks the server afresh.
    assertThat(holds.subscribe(b, NOTE, this::call).has("result")).isTrue();
    assertThat(sent).containsExactly("resources/subscribe " + NOTE);
  }

  private ObjectNode subscribe(Object holder, ResourceHolds.Caller caller) {
    try {
      return holds.subscribe(holder, NOTE, caller);
    } catch (dev.warden.mcp.UpstreamException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRefusedSubscribeHoldsNothing() throws Exception {
    assertThat(holds.subscribe(a, NOTE, ResourceHoldsTest::refuse).has("error")).isTrue();
    assertThat(holds.held()).isEmpty();
    holds.subscribe(b, NOTE, this::call);
    assertThat(sent).containsExactly("resources/subscribe " + NOTE);
  }

  @Test
  void aHolderThatLeavesUnsubscribesWhatNobodyElseHolds() throws Exception {
    holds.subscribe(a, NOTE, this::call);
    holds.subscribe(a, MEMO, this::call);
    holds.subscribe(b, MEMO, this::call);
    sent.clear();

    holds.unsubscribe(holds.releaseAll(a), this::call);

    assertThat(sent).containsExactly("resources/unsubscribe " + NOTE);
    assertThat(holds.held()).containsExactly(MEMO);
  }

  @Test
  void aNewSessionIsSubscribedToEveryUriStillHeld() throws Exception {
    holds.subscribe(a, NOTE, this::call);
    holds.subscribe(b, MEMO, this::call);
    holds.unsubscribe(b, MEMO, this::call);
    sent.clear();

    holds.renew(this::call);

    assertThat(sent).containsExactly("resources/subscribe " + NOTE);
  }

  @Test
  void aSubscribeThatCameWhileTheLastUnsubscribeWasSentIsSentAgain() throws Exception {
    holds.subscribe(a, NOTE, this::call);
    holds.unsubscribe(
        a,
        NOTE,
        (method, params) -> {
          // b subscribes while the unsubscribe is on its way: its subscribe may reach the server
          // first, so the server is asked once more after the unsubscribe.
          holds.subscribe(b, NOTE, this::call);
          return call(method, params);
        });
    assertThat(sent)
        .containsExactly(
            "resources/subscribe " + NOTE,
            "resources/subscribe " + NOTE,
            "resources/unsubscribe " + NOTE,
            "resources/subscribe " + NOTE);
    assertThat(holds.held()).containsExactly(NOTE);
  }
}
