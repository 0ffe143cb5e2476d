package dev.warden.net;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads on the JDK's shared scheduler, wherever they are started from. Warden starts its
 * background threads here and never with {@code Thread.ofVirtual()} (the architecture test keeps it
 * so): the JDK gives a virtual thread started by another virtual thread its parent's scheduler, so
 * a thread started while serving a request would otherwise run on that request's {@link EventLoop}.
 * There, anything that holds its carrier (a read of a child process's pipe, a file write, a
 * computation) would hold up every connection of the loop, and a pipe read that waits for a request
 * the loop itself must write would never end.
 */
public final class VirtualThreads {
  private static final java.util.concurrent.Executor SHARED = sharedScheduler();

  private VirtualThreads() {}

  /** A builder of virtual threads that run on the JDK's shared scheduler. */
  public static Thread.Builder.OfVirtual builder() {
    if (EventLoop.BUILDER == null || SHARED == null) {
      // Without the opened JDK internals there are no event loops either: no parent to inherit.
      return Thread.ofVirtual();
    }
    try {
      return (Thread.Builder.OfVirtual) EventLoop.BUILDER.newInstance(SHARED);
    } catch (ReflectiveOperationException e) {
      return Thread.ofVirtual();
    }
  }

  /** Starts {@code task} on a new virtual thread named {@code name}. */
  public static Thread start(String name, Runnable task) {
    return builder().name(name).start(task);
  }

  /** A factory of virtual threads named {@code name}. */
  public static ThreadFactory factory(String name) {
    return builder().name(name).factory();
  }

  /**
   * An executor that starts a virtual thread per task, as {@code newVirtualThreadPerTaskExecutor}.
   */
  public static ExecutorService perTask() {
    return Executors.newThreadPerTaskExecutor(builder().factory());
  }

  private static java.util.concurrent.Executor sharedScheduler() {
    try {
      Method m = Class.forName("java.lang.VirtualThread").getDeclaredMethod("defaultScheduler");
      m.setAccessible(true);
      return (java.util.concurrent.Executor) m.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
