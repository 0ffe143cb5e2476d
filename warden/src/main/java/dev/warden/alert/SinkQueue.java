package dev.warden.alert;

import dev.warden.config.AlertsConfig.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's bounded queue and its sender thread. Raising an alert never waits: when the queue is
 * full the oldest alert is dropped (and counted), since the newest say most about what is going on
 * now. The sender delivers one alert at a time, in order.
 */
final class SinkQueue {
  private static final Logger log = LoggerFactory.getLogger(SinkQueue.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String name;
  private final Set<Event> on;
  private final AlertSink sink;
  private final LinkedBlockingDeque<Alert> queue;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private final Thread thread;
  private volatile boolean open = true;

  SinkQueue(String name, Set<Event> on, int capacity, AlertSink sink) {
    this.name = name;
    this.on = Set.copyOf(on);
    this.sink = sink;
    this.queue = new LinkedBlockingDeque<>(capacity);
    this.thread = Thread.ofPlatform().name("alerts-" + name).daemon().start(this::run);
  }

  /** The sink's name in metrics and logs, e.g. {@code webhook-1}, {@code syslog}, {@code file}. */
  String name() {
    return name;
  }

  /** Whether this sink takes alerts raised for any of {@code events}. */
  boolean wants(Set<Event> events) {
    for (Event e : events) {
      if (on.contains(e)) {
        return true;
      }
    }
    return false;
  }

  /** Queues {@code alert} without waiting, dropping the oldest queued one when full. */
  void offer(Alert alert) {
    if (!open) {
      drop(1);
      return;
    }
    while (!queue.offerLast(alert)) {
      if (queue.pollFirst() != null) {
        drop(1);
      }
    }
  }

  long delivered() {
    return delivered.get();
  }

  long failed() {
    return failed.get();
  }

  long dropped() {
    return dropped.get();
  }

  int queued() {
    return queue.size();
  }

  private void drop(long n) {
    dropped.addAndGet(n);
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn("alert sink {} is behind: oldest alerts dropped ({} so far)", name, dropped.get());
    }
  }

  private void run() {
    while (open || !queue.isEmpty()) {
      Alert alert;
      try {
        alert = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (alert == null) {
        continue;
      }
      try {
        (sink.deliver(alert) ? delivered : failed).incrementAndGet();
      } catch (InterruptedException e) {
        dropped.incrementAndGet();
        return;
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        log.warn("alert sink {} failed: {}", name, e.toString());
      }
    }
  }

  /**
   * Stops taking alerts and sends what is queued until {@code deadline}; what is left then is
   * dropped and counted.
   */
  void close(Instant deadline) {
    open = false;
    try {
      thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    queue.clear();
    if (left > 0) {
      dropped.addAndGet(left);
      log.warn("alert sink {}: {} alerts not sent before shutdown", name, left);
    }
    sink.close();
  }
}
