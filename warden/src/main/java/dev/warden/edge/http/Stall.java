package dev.warden.edge.http;

/**
 * When the connection's thread began the socket read or write it is blocked in; 0 when it is not
 * blocked on the socket. The server's reaper closes connections stalled longer than the idle
 * timeout. This replaces {@code SO_TIMEOUT}: a virtual thread in a timed socket read arms and
 * cancels a timer on every read, which costs a thread wake-up per read under load.
 */
final class Stall {
  private volatile long since;

  void begin() {
    since = System.nanoTime() | 1; // never 0
  }

  void end() {
    since = 0;
  }

  /** Whether an operation has been blocked for longer than {@code nanos} at {@code now}. */
  boolean longerThan(long now, long nanos) {
    long s = since;
    return s != 0 && now - s > nanos;
  }
}
