package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallKeepAliveTest {
  private static final Duration PERIOD = Duration.ofMillis(200);

  /** A client connection in memory; once {@code broken}, every write fails as to a reset peer. */
  private static final class Client extends OutputStream {
    final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    volatile boolean broken;

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (broken) {
        throw new IOException("Connection reset by peer");
      }
      seen.write(b, off, len);
    }

    synchronized String text() {
      return seen.toString(StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aSilentStreamGetsCommentsAndABusyOneDoesNot() throws Exception {
    CallKeepAlive keepAlive = new CallKeepAlive(PERIOD);
    Client silent = new Client();
    Client busy = new Client();
    try (CallKeepAlive.Watch s = keepAlive.watch(silent, () -> {});
        CallKeepAlive.Watch b = keepAlive.watch(busy, () -> {})) {
      long end = System.nanoTime() + PERIOD.multipliedBy(8).toNanos();
      while (System.nanoTime() < end) {
        b.write(
            () -> {
              busy.write("data: x\n\n".getBytes(StandardCharsets.US_ASCII));
              return 9;
            });
        Thread.sleep(PERIOD.toMillis() / 10);
      }
    }
    assertThat(silent.text()).contains(": keep-alive\n\n");
    assertThat(busy.text()).doesNotContain(": keep-alive").contains("data: x");
  }

  @Test
  void aClientThatLeftIsFoundOnceAndNothingIsWrittenAfterTheWatchEnds() throws Exception {
    CallKeepAlive keepAlive = new CallKeepAlive(PERIOD);
    Client client = new Client();
    client.broken = true;
    AtomicInteger gone = new AtomicInteger();
    CountDownLatch found = new CountDownLatch(1);
    try (CallKeepAlive.Watch w =
        keepAlive.watch(
            client,
            () -> {
              gone.incrementAndGet();
              found.countDown();
            })) {
      assertThat(found.await(2, TimeUnit.SECONDS)).isTrue();
      assertThat(w.clientGone()).isTrue();
      Thread.sleep(PERIOD.multipliedBy(4).toMillis());
    }
    assertThat(gone).hasValue(1);

    Client after = new Client();
    CallKeepAlive.Watch ended = keepAlive.watch(after, () -> {});
    ended.close();
    Thread.sleep(PERIOD.multipliedBy(4).toMillis());
    assertThat(after.text()).isEmpty();
  }
}
