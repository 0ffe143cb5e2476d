package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Keeps an upstream's standalone GET stream open and hands its notifications on. Reconnects with
 * capped exponential backoff; stops when the server has no stream (405) or the session closes.
 */
final class EventStreamListener implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(EventStreamListener.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final StreamableHttpSession session;
  private final String server;
  private final Consumer<ObjectNode> listener;
  private final Runnable resumed;

  EventStreamListener(
      StreamableHttpSession session,
      String server,
      Consumer<ObjectNode> listener,
      Runnable resumed) {
    this.session = session;
    this.server = server;
    this.listener = listener;
    this.resumed = resumed;
  }

  @Override
  public void run() {
    long backoff = 500;
    boolean first = true;
    while (!session.isClosed()) {
      try (UpstreamReply stream = session.openEventStream()) {
        if (stream == null) {
          return; // the server offers no standalone stream
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
        log.debug("event stream of {} interrupted: {}", server, e.getMessage());
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

  private void deliver(SseEvent e) {
    if (!e.isMessage() || e.data().isBlank()) {
      return;
    }
    try {
      JsonNode node = MAPPER.readTree(e.data());
      if (node instanceof ObjectNode obj && obj.has("method")) {
        if (obj.hasNonNull("id")) {
          // A request on the standalone stream belongs to no client call: it cannot be relayed.
          session.answerRefusal(obj);
        } else {
          listener.accept(obj);
        }
      }
    } catch (IOException ex) {
      log.debug("event stream of {} sent a non-JSON event", server);
    }
  }
}
