package dev.warden.audit.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The upstream call spans of one request. Each ends when its reply has been read or closed; any
 * still open when the request's own span ends (a reply nobody read to the end) ends with it.
 */
final class OpenCalls {
  static final ContextKey<OpenCalls> KEY = ContextKey.named("warden-open-calls");

  private final List<Runnable> enders = new ArrayList<>(1);

  /** The calls of the request running in {@code context}, or null outside one. */
  static OpenCalls in(Context context) {
    return context.get(KEY);
  }

  /** Returns an idempotent action that ends {@code span}, and ends it with the request. */
  Runnable track(Span span) {
    AtomicBoolean ended = new AtomicBoolean();
    Runnable end =
        () -> {
          if (ended.compareAndSet(false, true)) {
            span.end();
          }
        };
    synchronized (enders) {
      enders.add(end);
    }
    return end;
  }

  void endAll() {
    List<Runnable> open;
    synchronized (enders) {
      open = List.copyOf(enders);
      enders.clear();
    }
    open.forEach(Runnable::run);
  }
}
