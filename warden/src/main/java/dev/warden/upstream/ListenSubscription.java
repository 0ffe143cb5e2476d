package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code subscriptions/listen} stream open to a stateless upstream, asking for the list
 * changes its capabilities announce, and hands the notifications on. Reopens with capped backoff;
 * stops when the server refuses the request or the session closes.
 */
final class ListenSubscription implements Runnable {
  static final Duration IDLE = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(ListenSubscription.class);
  private static final String ACKNOWLEDGED = "notifications/subscriptions/acknowledged";

  private final StatelessHttpSession session;
  private final Consumer<ObjectNode> listener;
  private final Runnable resumed;
  private final CompletableFuture<Boolean> opened;

  ListenSubscription(
      StatelessHttpSession session,
      Consumer<ObjectNode> listener,
      Runnable resumed,
      CompletableFuture<Boolean> opened) {
    this.session = session;
    this.listener = listener;
    this.resumed = resumed;
    this.opened = opened;
  }

  @Override
  public void run() {
    ReopeningStream.run(
        "listen stream of " + session.server(),
        session::isClosed,
        this::open,
        this::deliver,
        resumed,
        opened);
  }

  /**
   * A new listen stream for the list changes the server announces; null when it announces none or
   * refuses the request. A failed discovery throws, so the loop tries again later.
   */
  private UpstreamReply open() throws UpstreamException {
    ObjectNode filter = filter(session.initializeResult().path("capabilities"));
    if (filter.isEmpty()) {
      return null;
    }
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.set("notifications", filter);
    UpstreamReply stream =
        session.exchange(
            session.stamp(StatelessHttpSession.request("subscriptions/listen", params)));
    if (stream.framing() != UpstreamReply.Framing.SSE) {
      stream.close(); // refused (an error answer): the server offers no listen stream
      return null;
    }
    return stream;
  }

  /** The list changes the server's capabilities say it announces. */
  static ObjectNode filter(JsonNode capabilities) {
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    if (capabilities.path("tools").path("listChanged").asBoolean(false)) {
      filter.put("toolsListChanged", true);
    }
    if (capabilities.path("prompts").path("listChanged").asBoolean(false)) {
      filter.put("promptsListChanged", true);
    }
    if (capabilities.path("resources").path("listChanged").asBoolean(false)) {
      filter.put("resourcesListChanged", true);
    }
    return filter;
  }

  private void deliver(SseEvent e) {
    if (!e.isMessage() || e.data().isBlank()) {
      return;
    }
    try {
      JsonNode node = JsonRpcCodec.MAPPER.readTree(e.data());
      if (node instanceof ObjectNode obj
          && obj.path("method").isTextual()
          && !obj.has("id")
          && !ACKNOWLEDGED.equals(obj.path("method").asText())) {
        listener.accept(obj);
      }
    } catch (IOException ex) {
      log.debug("listen stream of {} sent a non-JSON event", session.server());
    }
  }
}
