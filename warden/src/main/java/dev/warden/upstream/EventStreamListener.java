package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an upstream's standalone GET stream open and hands its notifications on. Reconnects with
 * capped exponential backoff; stops when the server has no stream (405) or the session closes. A
 * server that forgot the session (404) gets a new one and the stream is opened on it; one that
 * answers 404 {@link #MAX_EXPIRED} times in a row, to new sessions too, offers no stream.
 */
final class EventStreamListener implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(EventStreamListener.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration HEADERS_GRACE = Duration.ofMillis(500);
  static final int MAX_EXPIRED = 3;

  private final StreamableHttpSession session;
  private final String server;
  private final Consumer<ObjectNode> listener;
  private final Runnable resumed;
  private final CompletableFuture<Boolean> opened;
  private int expired;

  EventStreamListener(
      StreamableHttpSession session,
      String server,
      Consumer<ObjectNode> listener,
      Runnable resumed,
      CompletableFuture<Boolean> opened) {
    this.session = session;
    this.server = server;
    this.listener = listener;
    this.resumed = resumed;
    this.opened = opened;
  }

  @Override
  public void run() {
    // A null stream: the server offers no standalone stream (405).
    ReopeningStream.run(
        "event stream of " + server, session::isClosed, this::open, this::deliver, resumed, opened);
  }

  private UpstreamReply open() throws UpstreamException {
    try {
      UpstreamReply stream = session.openEventStream(this::sent);
      expired = 0;
      return stream;
    } catch (StreamableHttpSession.SessionExpired e) {
      if (++expired < MAX_EXPIRED) {
        throw e; // opened again on the new session after the pause
      }
      log.warn("{} answers its event stream with 404 even on a new session: none is kept", server);
      return null;
    }
  }

  /**
   * The request is out: the stream counts as open with its headers, or after {@link #HEADERS_GRACE}
   * for a server that holds them back until its first event (the MCP Java SDK's servlet transport
   * does), which has long taken the stream by then.
   */
  private void sent() {
    opened.completeOnTimeout(true, HEADERS_GRACE.toMillis(), TimeUnit.MILLISECONDS);
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
