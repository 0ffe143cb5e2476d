package dev.warden.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.mcp.McpMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
  static Exchange exchange() {
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(1),
            "ping",
            null,
            JsonNodeFactory.instance.objectNode());
    return new Exchange("id-1", "p", m, name -> null, "127.0.0.1", 10);
  }

  @Test
  void runsStagesInOrderAndReturnsWhatTheLastAnswers() {
    List<String> seen = new ArrayList<>();
    Pipeline p =
        new Pipeline(
            List.of(
                (ex, next) -> {
                  seen.add("a");
                  return next.proceed(ex);
                },
                (ex, next) -> {
                  seen.add("b");
                  return new Reply.Accepted();
                }));
    assertThat(p.run(exchange())).isInstanceOf(Reply.Accepted.class);
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void denialStopsTheRestAndOuterStagesSeeIt() {
    List<Reply> outerSaw = new ArrayList<>();
    Pipeline p =
        new Pipeline(
            List.of(
                (ex, next) -> {
                  Reply r = next.proceed(ex);
                  outerSaw.add(r);
                  return r;
                },
                (ex, next) -> Reply.denied(Denial.Kind.POLICY, "rule:x", "no"),
                (ex, next) -> {
                  throw new AssertionError("must not run after a denial");
                }));
    Reply r = p.run(exchange());
    assertThat(r).isInstanceOf(Reply.Denied.class);
    assertThat(outerSaw).containsExactly(r);
  }

  @Test
  void lastStagePassingOnIsABug() {
    Pipeline p = new Pipeline(List.of((ex, next) -> next.proceed(ex)));
    assertThatThrownBy(() -> p.run(exchange())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void completionListenersRunWithTheFinalStatus() {
    Exchange ex = exchange();
    List<Integer> statuses = new ArrayList<>();
    ex.onComplete(e -> statuses.add(e.httpStatus()));
    ex.complete(200, 42);
    assertThat(statuses).containsExactly(200);
    assertThat(ex.bytesOut()).isEqualTo(42);
  }
}
