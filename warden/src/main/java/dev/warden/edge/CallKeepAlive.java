package dev.warden.edge;

import dev.warden.edge.http.HttpResponse;
import dev.warden.net.VirtualThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the streamed answers of calls alive while their upstream is silent, and notices the clients
 * that left them. The thread relaying a call is blocked reading the upstream, so it cannot see its
 * client go: one watcher thread looks at every open call stream (and ends when none is open), and a
 * stream silent for the keep-alive period gets an SSE comment (which clients ignore, and which
 * keeps proxies from closing an idle stream), written on a virtual thread of its own so that a
 * client that stopped reading holds up only its own stream. A comment to a client that closed its
 * connection draws a reset, and the probe a moment later then fails: the call's {@code gone} action
 * runs (the upstream call is cancelled and its answer abandoned), within about one keep-alive
 * period of the client leaving.
 */
final class CallKeepAlive {
  private static final byte[] PROBE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final long PROBE_DELAY_NANOS = 50_000_000L;

  private final long periodNanos;
  private final Set<Watch> open = ConcurrentHashMap.newKeySet();

  /**
   * Whether a watcher thread runs; claimed with a compare-and-set, so adding a watch takes no lock.
   */
  private final AtomicBoolean watching = new AtomicBoolean();

  CallKeepAlive(Duration period) {
    this.periodNanos = period.toNanos();
  }

  /** An I/O step on a call stream. */
  interface Step {
    long run() throws IOException;
  }

  /** Where a watch writes its comments. */
  private interface Sink {
    void comment(byte[] text) throws IOException;
  }

  /** Watches {@code out} until closed; {@code gone} runs once if the client is found gone. */
  Watch watch(OutputStream out, Runnable gone) {
    return watch(
        text -> {
          out.write(text);
          out.flush();
        },
        gone);
  }

  /**
   * Watches a request whose answer has not begun, until closed: once it has waited a keep-alive
   * period, its response turns into an event stream whose first comment is the keep-alive ({@link
   * HttpResponse#beginEventStream}), and comments follow as on a call stream. {@code gone} runs
   * once if the client is found gone. Closing the watch hands the response back to the request's
   * thread, as a plain response or the event stream it became.
   */
  Watch pending(HttpResponse response, Runnable gone) {
    return watch(
        text -> {
          if (response.lateStream()) {
            OutputStream events = response.body();
            events.write(text);
            events.flush();
          } else {
            response.beginEventStream(text);
          }
        },
        gone);
  }

  private Watch watch(Sink sink, Runnable gone) {
    Watch w = new Watch(sink, gone);
    open.add(w);
    startWatcher();
    return w;
  }

  /**
   * Starts the watcher unless one runs. Lock-free (every request registers a watch): a watcher that
   * finds nothing open clears {@link #watching} and then looks once more, so a watch added
   * meanwhile is seen either by it or by the thread that added it, which then starts one.
   */
  private void startWatcher() {
    if (!watching.get() && watching.compareAndSet(false, true)) {
      VirtualThreads.builder().name("call-keep-alive").start(this::tick);
    }
  }

  /** Runs while call streams are open; the next stream after a quiet spell starts it again. */
  private void tick() {
    long pause = Math.max(periodNanos / 4, 1_000_000L);
    while (true) {
      LockSupport.parkNanos(pause);
      if (open.isEmpty()) {
        watching.set(false);
        if (open.isEmpty() || !watching.compareAndSet(false, true)) {
          return;
        }
      }
      long now = System.nanoTime();
      for (Watch w : open) {
        if (!w.busy && now - w.lastWrite >= periodNanos) {
          w.busy = true;
          VirtualThreads.builder().name("call-keep-alive").start(w::keepAlive);
        }
      }
    }
  }

  /** One open call stream. Writers hold its lock for a whole event, so comments go between. */
  final class Watch implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Sink sink;
    private final Runnable gone;
    private volatile long lastWrite = System.nanoTime();
    private volatile boolean busy;
    private volatile boolean closed;
    private volatile boolean clientGone;

    private Watch(Sink sink, Runnable gone) {
      this.sink = sink;
      this.gone = gone;
    }

    /** Runs a write of the relaying thread, with the stream to itself. */
    long write(Step step) throws IOException {
      lock.lock();
      try {
        return step.run();
      } finally {
        lastWrite = System.nanoTime();
        lock.unlock();
      }
    }

    private void keepAlive() {
      try {
        if (comment(EventStreams.KEEP_ALIVE)) {
          LockSupport.parkNanos(PROBE_DELAY_NANOS);
          comment(PROBE);
        }
      } catch (IOException e) {
        clientGone = true;
        open.remove(this); // found once: the watch is not ticked again
        gone.run();
      } finally {
        busy = false;
      }
    }

    /** Writes a comment unless the stream closed meanwhile; false when it had. */
    private boolean comment(byte[] text) throws IOException {
      lock.lock();
      try {
        if (closed) {
          return false;
        }
        sink.comment(text);
        lastWrite = System.nanoTime();
        return true;
      } finally {
        lock.unlock();
      }
    }

    /** Whether a keep-alive found the client gone (and so ran {@code gone}). */
    boolean clientGone() {
      return clientGone;
    }

    /** Ends the watch; once it returns no comment is being written or will be. */
    @Override
    public void close() {
      lock.lock();
      try {
        closed = true;
      } finally {
        lock.unlock();
      }
      open.remove(this);
    }
  }
}
