package dev.warden.net;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread that is both a selector loop and the scheduler of the virtual threads it runs
 * (ADR 0007). The request code stays plain blocking Java: a read that would block parks its virtual
 * thread until this loop's selector sees the socket ready, and the loop then runs it on itself.
 * Under load the loop finds work waiting after each pass and never sleeps between calls, where a
 * thread per connection sleeps and is woken twice per call.
 *
 * <p>The JDK offers a scheduler per virtual-thread builder only internally: {@link #supported()}
 * says whether this JVM opens it ({@code Add-Opens: java.base/java.lang}, which the jar's manifest
 * carries).
 */
public final class EventLoop implements Executor {
  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final ScopedValue<EventLoop> CURRENT = ScopedValue.newInstance();

  /** The JDK's builder of virtual threads with a given scheduler, or null where it is closed. */
  static final Constructor<?> BUILDER = builderConstructor();

  private static final java.util.concurrent.ExecutorService OFFLOAD =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().daemon().name("warden-offload-", 1).factory());

  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread.Builder.OfVirtual threads;
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean stopped;

  EventLoop(String name) throws IOException {
    if (BUILDER == null) {
      throw new IllegalStateException("this JVM does not open virtual-thread schedulers");
    }
    this.selector = Selector.open();
    try {
      this.threads =
          ((Thread.Builder.OfVirtual) BUILDER.newInstance((Executor) this)).name(name + "-vt");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    thread.start();
  }

  /** Whether event loops can run here. */
  public static boolean supported() {
    return BUILDER != null;
  }

  /** The loop the calling virtual thread runs on, if it runs on one. */
  public static Optional<EventLoop> current() {
    return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
  }

  /**
   * The result of {@code work}, computed off the loop when the caller runs on one: the caller parks
   * while a thread of a shared pool computes, so the loop goes on serving its other connections.
   * For work long enough to be worth two thread hand-offs (a scan of a very large body); off a loop
   * {@code work} runs in place.
   */
  public static <T> T offloaded(java.util.function.Supplier<T> work) {
    if (!CURRENT.isBound()) {
      return work.get();
    }
    try {
      return java.util.concurrent.CompletableFuture.supplyAsync(work, OFFLOAD).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Runs {@code task} on a new virtual thread of this loop. */
  public void start(Runnable task) {
    threads.start(() -> ScopedValue.where(CURRENT, this).run(task));
  }

  /**
   * {@code channel}, connected, as a socket of this loop: switched to non-blocking mode and read
   * and written by blocking-style code on this loop's virtual threads.
   */
  public LoopChannel adopt(SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
    LoopChannel c = new LoopChannel(channel, this);
    c.key = channel.register(selector, 0, c);
    return c;
  }

  /** Queues a virtual thread's continuation (the JDK calls this when one is unparked). */
  @Override
  public void execute(Runnable continuation) {
    tasks.add(continuation);
    if (sleeping) {
      selector.wakeup();
    }
  }

  void stop() {
    stopped = true;
    selector.wakeup();
  }

  private void run() {
    while (!stopped) {
      try {
        for (Runnable t; (t = tasks.poll()) != null; ) {
          t.run();
        }
        sleeping = true;
        if (tasks.isEmpty()) {
          selector.select();
        } else {
          selector.selectNow();
        }
        sleeping = false;
        Iterator<java.nio.channels.SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey k = it.next();
          it.remove();
          ((LoopChannel) k.attachment()).ready(k);
        }
      } catch (IOException | RuntimeException e) {
        sleeping = false;
        log.error("event loop {}: a pass failed; the loop goes on", thread.getName(), e);
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // stopping anyway
    }
  }

  private static Constructor<?> builderConstructor() {
    try {
      Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
      Constructor<?> k = c.getDeclaredConstructor(Executor.class);
      k.setAccessible(true);
      return k;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
