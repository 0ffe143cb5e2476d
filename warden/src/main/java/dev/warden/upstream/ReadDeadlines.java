package dev.warden.upstream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Read timeouts for upstream connections without timed parks. A virtual thread blocked in a socket
 * read with {@code SO_TIMEOUT} parks with a timer that is armed and cancelled on every read, which
 * measurably costs a thread wake-up per read under load. Instead each connection publishes the
 * deadline of the read it is blocked in, and one watcher thread closes the sockets whose deadline
 * passed; the blocked read then fails and the connection reports a timeout. While no connection is
 * open the watcher sleeps.
 */
final class ReadDeadlines {
  /** How often deadlines are checked: the precision of upstream read timeouts. */
  static final long TICK_MILLIS = 20;

  /** What a watched connection offers the watcher. */
  interface Watched {
    /** The nanoTime deadline of the read in progress, or 0 when none is. */
    long deadline();

    /** Called once the deadline passed: closes the connection so that the read fails. */
    void expire();
  }

  private static final ReadDeadlines SHARED = new ReadDeadlines();

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final Thread watcher;

  private ReadDeadlines() {
    watcher = Thread.ofPlatform().daemon().name("warden-read-deadlines").start(this::watch);
  }

  static void watch(Watched w) {
    SHARED.watched.add(w);
    LockSupport.unpark(SHARED.watcher); // in case it sleeps for want of connections
  }

  static void forget(Watched w) {
    SHARED.watched.remove(w);
  }

  private void watch() {
    while (true) {
      if (watched.isEmpty()) {
        LockSupport.park(this); // until a connection is watched (its unpark may come first)
        continue;
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Watched w : watched) {
        long d = w.deadline();
        if (d != 0 && now - d > 0) {
          w.expire();
        }
      }
    }
  }
}
