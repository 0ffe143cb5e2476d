package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.time.Duration;
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
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final String ACKNOWLEDGED = "notifications/subscriptions/acknowledged";

  private final StatelessHttpSession session;
  private final Consumer<ObjectNode> listener;
  private final Runnable resumed;

  ListenSubscription(
      StatelessHttpSession session, Consumer<ObjectNode> listener, Runnable resumed) {
    this.session = session;
    this.listener = listener;
    this.resumed = resumed;
  }

  @Override
  public void run() {
    long backoff = 500;
    boolean first = true;
    while (!session.isClosed()) {
      ObjectNode filter;
      try {
        filter = filter(session.initializeResult().path("capabilities"));
      } catch (UpstreamException e) {
        filter = null;
      }
      if (filter != null && filter.isEmpty()) {
        return; // the server announces no list changes
      }
      if (filter != null) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.set("notifications", filter);
        ObjectNode request =
            session.stamp(StatelessHttpSession.request("subscriptions/listen", params));
        try (UpstreamReply stream = session.exchange(request)) {
          if (stream.framing() != UpstreamReply.Framing.SSE) {
            return; // refused (an error answer): the server offers no listen stream
          }
          backoff = 500;
          if (!first) {
            resumed.run();
          }
          first = false;
          SseReader events = new SseReader(stream.body(), 4 * 1024 * 1024);
          for (SseEvent e = events.next(); e != null && !session.isClosed(); e = events.next()) {
            deliver(e);
          }
        } catch (UpstreamException | IOException e) {
          log.debug("listen stream of {} interrupted: {}", session.server(), e.getMessage());
        }
      }
      if (session.isClosed()) {
        return;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
    }
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
