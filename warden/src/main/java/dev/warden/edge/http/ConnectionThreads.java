package dev.warden.edge.http;

import dev.warden.net.VirtualThreads;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve client connections (ADR 0006): a pooled platform thread while fewer than
 * {@code platform} connections have one, a virtual thread for every connection beyond.
 *
 * <p>A platform thread blocked in a socket read sleeps in the kernel and is woken by the arriving
 * segment itself. A virtual thread's read first fails, registers the socket with the JDK's poller
 * and parks; the poller thread then wakes it and a carrier thread runs it: two more system calls
 * and one more thread switch for each of the two reads a call makes (the agent's request, the
 * upstream's answer). On a loaded 2-core machine that measured 58 against 74 µs of gateway CPU per
 * 1 KB call. Virtual threads stay the overflow, so connections beyond the pool cost only memory.
 */
final class ConnectionThreads {
  private static final Duration KEEP_IDLE = Duration.ofMinutes(1);

  private final ThreadPoolExecutor platform;

  /** {@code platform} connections at most on platform threads; 0 serves all on virtual threads. */
  ConnectionThreads(int platform) {
    this.platform =
        platform <= 0
            ? null
            : new ThreadPoolExecutor(
                0,
                platform,
                KEEP_IDLE.toSeconds(),
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("warden-conn-", 1).factory(),
                new ThreadPoolExecutor.AbortPolicy());
  }

  /** Serves {@code connection} on an idle or new platform thread, else on a virtual thread. */
  void start(Runnable connection) {
    if (platform != null) {
      try {
        platform.execute(connection);
        return;
      } catch (RejectedExecutionException full) {
        // every platform thread serves a connection: this one gets a virtual thread
      }
    }
    VirtualThreads.builder().name("warden-conn").start(connection);
  }

  /** Connections on platform threads now (for tests and diagnostics). */
  int platformBusy() {
    return platform == null ? 0 : platform.getActiveCount();
  }

  /** Lets idle platform threads end; connections still served finish on theirs. */
  void shutdown() {
    if (platform != null) {
      platform.shutdown();
    }
  }
}
