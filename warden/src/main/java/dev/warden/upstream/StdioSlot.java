package dev.warden.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.net.VirtualThreads;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place in a stdio server's pool: the process that fills it, started on demand (or at boot) and
 * restarted when it dies. A process that served requests before it died is restarted at once; one
 * that dies without serving, or fails to start, waits 0.5 s, 1 s, 2 s … up to 30 s, so a server
 * that cannot run does not spin. Calls that arrive while it is starting wait for it (at most the
 * server's timeout); calls during a back-off pause fail at once, naming the cause. A new process is
 * subscribed to the resources the sessions pinned to it hold ({@link ResourceHolds}) before any
 * call reaches it.
 */
final class StdioSlot implements LinkChannel {
  private static final Logger log = LoggerFactory.getLogger(StdioSlot.class);
  private static final long FIRST_BACKOFF_MS = 500;
  private static final long MAX_BACKOFF_MS = 30_000;

  private final ServerConfig config;
  private final String clientVersion;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ResourceHolds holds;
  private StdioProcess current;
  private StdioProcess launching;
  private boolean starting;
  private boolean closed;
  private boolean everStarted;
  private int failures;
  private long retryAtNanos;
  private String lastFailure;

  StdioSlot(ServerConfig config, String clientVersion) {
    this.config = config;
    this.clientVersion = clientVersion;
    this.holds = new ResourceHolds(config.id());
  }

  @Override
  public synchronized JsonRpcLink ready() throws UpstreamException {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    while (true) {
      if (closed) {
        throw new UpstreamException(config.id(), Kind.SESSION_EXPIRED, "is shut down");
      }
      if (current != null && current.isAlive()) {
        return current.link();
      }
      if (!starting) {
        long pause = retryAtNanos - System.nanoTime();
        if (pause > 0) {
          throw new UpstreamException(
              config.id(),
              Kind.UNREACHABLE,
              lastFailure + "; next start in " + TimeUnit.NANOSECONDS.toMillis(pause) + " ms");
        }
        start();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new UpstreamException(
            config.id(), Kind.TIMEOUT, "did not start within " + config.timeout());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UpstreamException(config.id(), Kind.UNREACHABLE, "call interrupted");
      }
    }
  }

  /** Starts a process in the background unless one is running or starting. */
  synchronized void start() {
    if (starting || closed || (current != null && current.isAlive())) {
      return;
    }
    starting = true;
    VirtualThreads.builder().name("stdio-start-" + config.id()).start(this::startNow);
  }

  private void startNow() {
    StdioProcess p = null;
    try {
      p = StdioProcess.start(config, this::exited);
      synchronized (this) {
        launching = p;
      }
      p.link().onNotification(this::dispatch);
      p.link().initialize(clientVersion);
      // Before any call can reach it: a new process knows none of the subscriptions held.
      holds.renew(p.link()::call);
      p.link().setUpDone();
    } catch (UpstreamException e) {
      String reason = reason(e);
      log.warn("stdio server {} did not start: {}", config.id(), reason);
      if (p != null) {
        p.stop();
      }
      synchronized (this) {
        starting = false;
        launching = null;
        pause(reason, backoff(failures++));
        notifyAll();
      }
      return;
    }
    boolean keep;
    boolean resumed;
    synchronized (this) {
      starting = false;
      launching = null;
      notifyAll();
      keep = !closed;
      resumed = keep && everStarted;
      if (keep) {
        current = p;
        everStarted = true;
      }
    }
    if (!keep) {
      p.stop();
    } else if (resumed) {
      // Notifications sent while it was down are lost, and a new process may offer other tools.
      listeners.forEach(l -> l.resumed().run());
    }
  }

  private synchronized void exited(StdioProcess p) {
    if (p != current) {
      return; // a process that never became ready, or one already replaced
    }
    current = null;
    if (closed) {
      return;
    }
    long delay;
    if (p.link().hasServed()) {
      failures = 0;
      delay = 0;
    } else {
      delay = backoff(failures++);
    }
    pause(p.link().failure(), delay);
    VirtualThreads.builder()
        .name("stdio-restart-" + config.id())
        .start(
            () -> {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                return;
              }
              start();
            });
  }

  private void pause(String reason, long delayMs) {
    lastFailure = reason == null ? "process is gone" : reason;
    retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
  }

  private static long backoff(int failures) {
    return Math.min(FIRST_BACKOFF_MS << Math.min(failures, 10), MAX_BACKOFF_MS);
  }

  private String reason(UpstreamException e) {
    String prefix = "upstream '" + config.id() + "' ";
    String m = e.getMessage();
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  private void dispatch(ObjectNode notification) {
    for (Listener l : listeners) {
      l.notifications().accept(notification);
    }
  }

  @Override
  public ResourceHolds holds() {
    return holds;
  }

  @Override
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  /** Stops the process (close its input, wait, terminate, kill); the slot starts nothing more. */
  @Override
  public void close() {
    StdioProcess p;
    StdioProcess half;
    synchronized (this) {
      closed = true;
      p = current;
      half = launching;
      current = null;
      notifyAll();
    }
    if (p != null) {
      p.stop();
    }
    if (half != null) {
      half.stop(); // still initializing: its caller fails, nothing is left running
    }
  }
}
