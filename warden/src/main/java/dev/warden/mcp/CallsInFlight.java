package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The upstream calls a session's requests have in flight, by the client's request id, so that a
 * client's {@code notifications/cancelled} stops the one call it names, on the server that runs it.
 * Used for the sessions held for 2026-07-28 clients, whose conversations share one session: ids are
 * the agent's at that persona, and two calls in flight under the same id are both stopped.
 */
public final class CallsInFlight {
  private final Map<JsonNode, List<Consumer<String>>> calls = new ConcurrentHashMap<>();

  /**
   * Registers a call under the client's request {@code id}; {@code cancel} is given the client's
   * reason. Returns what removes it again, to run once the call's reply is out.
   */
  public Runnable add(JsonNode id, Consumer<String> cancel) {
    if (id == null) {
      return () -> {};
    }
    calls.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(cancel);
    return () ->
        calls.computeIfPresent(
            id,
            (k, list) -> {
              list.remove(cancel);
              return list.isEmpty() ? null : list;
            });
  }

  /** Stops the calls in flight under {@code id}; false when there is none (already answered). */
  public boolean cancel(JsonNode id, String reason) {
    List<Consumer<String>> found = id == null ? null : calls.remove(id);
    if (found == null) {
      return false;
    }
    found.forEach(c -> c.accept(reason));
    return true;
  }

  /** How many request ids have calls in flight. */
  public int size() {
    return calls.size();
  }
}
