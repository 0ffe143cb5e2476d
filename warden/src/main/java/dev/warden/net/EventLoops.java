package dev.warden.net;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed group of {@link EventLoop}s that new connections are spread over in turn. */
public final class EventLoops implements AutoCloseable {
  private final EventLoop[] loops;
  private final AtomicInteger next = new AtomicInteger();

  /** {@code count} loops named {@code name-0} and on. */
  public EventLoops(String name, int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("at least one event loop");
    }
    loops = new EventLoop[count];
    for (int i = 0; i < count; i++) {
      loops[i] = new EventLoop(name + "-" + i);
    }
  }

  /** The loop for the next connection. */
  public EventLoop next() {
    return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
  }

  @Override
  public void close() {
    for (EventLoop l : loops) {
      l.stop();
    }
  }
}
