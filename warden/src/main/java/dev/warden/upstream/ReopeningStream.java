package dev.warden.upstream;

import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an upstream's event stream open: opens it, hands each event on, and when it ends or breaks
 * opens it again after a capped exponential backoff, until the session closes or the upstream has
 * no such stream.
 */
final class ReopeningStream {
  private static final Logger log = LoggerFactory.getLogger(ReopeningStream.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long FIRST_BACKOFF_MILLIS = 500;
  private static final int MAX_EVENT = 4 * 1024 * 1024;

  /** Opens the stream: null when the upstream offers none (the loop stops); throws to retry. */
  @FunctionalInterface
  interface Opener {
    UpstreamReply open() throws UpstreamException, IOException;
  }

  private ReopeningStream() {}

  /**
   * Runs until {@code closed} or the opener returns null. {@code opened} is completed with true
   * when the stream is first open (if the opener did not complete it before), and with false when
   * the upstream has none or the loop ends first; {@code resumed} runs each time the stream was
   * opened again after a break, or opened only after {@code opened} was completed otherwise (a
   * waiter gave up on it): what was announced meanwhile was missed.
   */
  static void run(
      String what,
      BooleanSupplier closed,
      Opener opener,
      Consumer<SseEvent> deliver,
      Runnable resumed,
      CompletableFuture<Boolean> opened) {
    try {
      loop(what, closed, opener, deliver, resumed, opened);
    } finally {
      opened.complete(false);
    }
  }

  private static void loop(
      String what,
      BooleanSupplier closed,
      Opener opener,
      Consumer<SseEvent> deliver,
      Runnable resumed,
      CompletableFuture<Boolean> opened) {
    long backoff = FIRST_BACKOFF_MILLIS;
    boolean first = true;
    while (!closed.getAsBoolean()) {
      try (UpstreamReply stream = opener.open()) {
        if (stream == null) {
          return;
        }
        backoff = FIRST_BACKOFF_MILLIS;
        // A first opening after a waiter gave up on it is a resumption too.
        boolean late = first && !opened.complete(true) && !opened.join();
        if (!first || late) {
          resumed.run();
        }
        first = false;
        SseReader events = new SseReader(stream.body(), MAX_EVENT);
        for (SseEvent e = events.next(); e != null && !closed.getAsBoolean(); e = events.next()) {
          deliver.accept(e);
        }
      } catch (UpstreamException | IOException e) {
        log.debug("{} interrupted: {}", what, e.getMessage());
      }
      if (closed.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
    }
  }
}
