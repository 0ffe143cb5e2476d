package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.SseEvent;
import java.io.IOException;
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
    // A null stream: the server offers no standalone stream (405).
    ReopeningStream.run(
        "event stream of " + server,
        session::isClosed,
        session::openEventStream,
        this::deliver,
        resumed);
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
