package dev.warden.mcp;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers that every upstream HTTP request made while a call runs carries besides its own, such as
 * the W3C trace context of the call's span. Bound for the duration of one call by whoever wraps it;
 * unbound (and free) otherwise.
 */
public final class CallHeaders {
  /** The headers of the call running on this thread. */
  public static final ScopedValue<Map<String, String>> CURRENT = ScopedValue.newInstance();

  private CallHeaders() {}

  /** Hands each header of the current call to {@code put}; nothing when none is bound. */
  public static void forEach(BiConsumer<String, String> put) {
    if (CURRENT.isBound()) {
      CURRENT.get().forEach(put);
    }
  }
}
