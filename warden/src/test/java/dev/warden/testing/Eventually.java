package dev.warden.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a test cannot see happen: polls a condition until it holds or time is up. */
public final class Eventually {
  private static final Duration POLL = Duration.ofMillis(50);

  private Eventually() {}

  /** Returns once {@code condition} holds; fails the test if it does not within {@code limit}. */
  public static void within(Duration limit, BooleanSupplier condition) {
    poll(limit, condition, "condition not met within " + limit);
  }

  /** Returns once {@code condition} holds; fails the test, naming {@code what}, after 10 s. */
  public static void waitFor(BooleanSupplier condition, String what) {
    poll(Duration.ofSeconds(10), condition, "timed out waiting for " + what);
  }

  /** Sleeps, turning an interruption into a failure (with the thread's flag set again). */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void poll(Duration limit, BooleanSupplier condition, String failure) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(failure);
      }
      sleep(POLL.toMillis());
    }
  }
}
