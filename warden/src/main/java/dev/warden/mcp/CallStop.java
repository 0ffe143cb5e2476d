package dev.warden.mcp;

/**
 * Stops the upstream exchange of a call before its answer has begun, for a client that cancels a
 * call while the upstream has not answered yet. Bound around the sending of a call that may be
 * cancelled; the transports hand it what stops their exchange in progress. Unbound (and free)
 * otherwise.
 */
public final class CallStop {
  /** The stop of the call being sent on this thread. */
  public static final ScopedValue<CallStop> CURRENT = ScopedValue.newInstance();

  private final CallStop outer;
  private Runnable stopper;
  private boolean stopped;

  public CallStop() {
    this(null);
  }

  private CallStop(CallStop outer) {
    this.outer = outer;
  }

  /**
   * A stop of its own that also registers what it is given with the one bound now, if any: a call
   * that is stoppable for a reason of its own (a 2026-07-28 cancellation) stays stoppable by its
   * request's (a client that left).
   */
  public static CallStop nested() {
    return new CallStop(CURRENT.isBound() ? CURRENT.get() : null);
  }

  /**
   * Registers what stops the exchange now in progress for the current call, if one is bound; run at
   * once when the call was stopped already.
   */
  public static void onStop(Runnable stop) {
    if (CURRENT.isBound()) {
      CURRENT.get().set(stop);
    }
  }

  private void set(Runnable stop) {
    if (outer != null) {
      outer.set(stop);
    }
    synchronized (this) {
      if (!stopped) {
        stopper = stop;
        return;
      }
    }
    stop.run();
  }

  /** Stops the exchange in progress, and any the call starts later. */
  public void stop() {
    Runnable s;
    synchronized (this) {
      stopped = true;
      s = stopper;
      stopper = null;
    }
    if (s != null) {
      s.run();
    }
  }

  public synchronized boolean stopped() {
    return stopped;
  }
}
