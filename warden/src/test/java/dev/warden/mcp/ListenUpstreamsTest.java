package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenUpstreamsTest {
  private static final class Sink implements Session.EventSink {
    final List<String> sent = new ArrayList<>();
    boolean closed;

    @Override
    public boolean send(byte[] message) {
      sent.add(new String(message, StandardCharsets.UTF_8));
      return true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class Subscription implements ResourceSubscription {
    int closes;

    @Override
    public List<String> acknowledged() {
      return List.of("a://1");
    }

    @Override
    public void close() {
      closes++;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void holdsWhatComesBeforeTheStreamAttachesAndPassesItOnInOrder() {
    ListenUpstreams own = new ListenUpstreams();
    own.deliver(bytes("one"));
    own.deliver(bytes("two"));
    Sink sink = new Sink();
    own.attach(sink);
    own.deliver(bytes("three"));
    assertThat(sink.sent).containsExactly("one", "two", "three");
    assertThat(sink.closed).isFalse();
  }

  @Test
  void holdsABoundedNumberBeforeTheStreamAttaches() {
    ListenUpstreams own = new ListenUpstreams();
    for (int i = 0; i < ListenUpstreams.MAX_EARLY + 10; i++) {
      own.deliver(bytes("n" + i));
    }
    Sink sink = new Sink();
    own.attach(sink);
    assertThat(sink.sent).hasSize(ListenUpstreams.MAX_EARLY);
  }

  @Test
  void aFailureClosesTheSinkAndSaysWhyTheFirstOneCame() {
    ListenUpstreams own = new ListenUpstreams();
    Sink sink = new Sink();
    own.attach(sink);
    assertThat(own.failure()).isEmpty();
    own.fail("first");
    own.fail("second");
    assertThat(sink.closed).isTrue();
    assertThat(own.failure()).contains("first");
  }

  @Test
  void aFailureBeforeTheStreamAttachesClosesItsSinkOnAttaching() {
    ListenUpstreams own = new ListenUpstreams();
    own.fail("gone");
    Sink sink = new Sink();
    own.attach(sink);
    assertThat(sink.closed).isTrue();
  }

  @Test
  void closingClosesEverySubscriptionAndOnesAddedAfter() {
    ListenUpstreams own = new ListenUpstreams();
    Subscription early = new Subscription();
    own.add(early);
    assertThat(own.isEmpty()).isFalse();
    own.close();
    Subscription late = new Subscription();
    own.add(late);
    assertThat(early.closes).isEqualTo(1);
    assertThat(late.closes).isEqualTo(1);
  }
}
