package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallsInFlightTest {
  @Test
  void cancelStopsEveryCallUnderTheIdWithTheReason() {
    CallsInFlight calls = new CallsInFlight();
    List<String> stopped = new ArrayList<>();
    calls.add(new TextNode("a"), r -> stopped.add("a1 " + r));
    calls.add(new TextNode("a"), r -> stopped.add("a2 " + r));
    calls.add(new TextNode("b"), r -> stopped.add("b " + r));

    assertThat(calls.cancel(new TextNode("a"), "user")).isTrue();

    assertThat(stopped).containsExactly("a1 user", "a2 user");
    assertThat(calls.cancel(new TextNode("a"), "again")).isFalse();
    assertThat(calls.size()).isEqualTo(1);
  }

  @Test
  void aCallWhoseReplyIsOutIsNoLongerCancelled() {
    CallsInFlight calls = new CallsInFlight();
    List<String> stopped = new ArrayList<>();
    Runnable remove = calls.add(IntNode.valueOf(7), r -> stopped.add("seven"));

    remove.run();

    assertThat(calls.cancel(IntNode.valueOf(7), "late")).isFalse();
    assertThat(stopped).isEmpty();
    assertThat(calls.size()).isZero();
  }

  @Test
  void idsOfOtherTypesDoNotMatch() {
    CallsInFlight calls = new CallsInFlight();
    calls.add(IntNode.valueOf(7), r -> {});

    assertThat(calls.cancel(new TextNode("7"), "other")).isFalse();
    assertThat(calls.cancel(null, "none")).isFalse();
    assertThat(calls.size()).isEqualTo(1);
  }
}
