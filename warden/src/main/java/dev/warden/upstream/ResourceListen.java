package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.net.VirtualThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code subscriptions/listen} stream to a 2026-07-28 server for some resource URIs, opened for
 * one listener. Its one virtual thread opens the stream, reads up to the server's acknowledgement
 * (within the server's timeout), then hands on each {@code notifications/resources/updated} of an
 * acknowledged URI. A stream that ends or breaks is opened again, at most {@link #REOPENS} times in
 * a row with a growing pause; when the server acknowledges every URI again the listener is told it
 * resumed, otherwise that the subscription ended. Closing aborts the exchange in progress.
 */
final class ResourceListen implements ResourceSubscription {
  static final int REOPENS = 3;
  static final String ACKNOWLEDGED = "notifications/subscriptions/acknowledged";
  static final String UPDATED = "notifications/resources/updated";
  private static final Logger log = LoggerFactory.getLogger(ResourceListen.class);
  private static final long FIRST_PAUSE_MILLIS = 250;
  private static final int MAX_EVENT = 1024 * 1024;

  private final StatelessHttpSession session;
  private final List<String> uris;
  private final Listener listener;
  private final Duration timeout;
  private final CompletableFuture<List<String>> first = new CompletableFuture<>();
  private volatile List<String> acknowledged = List.of();
  private volatile UpstreamReply current;
  private volatile boolean closed;

  private ResourceListen(
      StatelessHttpSession session, List<String> uris, Listener listener, Duration timeout) {
    this.session = session;
    this.uris = List.copyOf(uris);
    this.listener = listener;
    this.timeout = timeout;
  }

  /**
   * Opens the stream and waits for the acknowledgement: the answer's head within the server's
   * timeout (plus its connect timeout), then the acknowledgement within the timeout again. None
   * acknowledged leaves it closed.
   */
  static ResourceListen open(
      StatelessHttpSession session,
      List<String> uris,
      Listener listener,
      Duration timeout,
      Duration connectTimeout) {
    ResourceListen l = new ResourceListen(session, uris, listener, timeout);
    VirtualThreads.builder().name("upstream-resource-listen-" + session.server()).start(l::run);
    long wait = 2 * timeout.toMillis() + connectTimeout.toMillis() + 1000;
    try {
      l.first.get(wait, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      l.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      l.close();
    }
    return l;
  }

  @Override
  public List<String> acknowledged() {
    return closed ? List.of() : acknowledged;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    first.complete(List.of());
    UpstreamReply r = current;
    if (r != null) {
      r.abort();
      r.close();
    }
    session.forget(this);
  }

  private void run() {
    SseReader events;
    try {
      events = connect();
    } catch (UpstreamException | IOException e) {
      log.debug("listen stream of {} for resources failed: {}", session.server(), e.getMessage());
      events = null;
    }
    List<String> agreed = events == null ? List.of() : acknowledged;
    first.complete(agreed);
    if (agreed.isEmpty()) {
      close();
      return;
    }
    while (!closed) {
      String why = pump(events);
      events = closed ? null : reopen(why);
      if (events == null) {
        if (!closed) {
          log.warn("listen stream of {} for resources ended: {}", session.server(), why);
          listener.ended(why);
          close();
        }
        return;
      }
      listener.resumed(acknowledged);
    }
  }

  /**
   * Opens a stream and reads up to its acknowledgement, which sets {@link #acknowledged}; null when
   * the server acknowledged none of the URIs or refused the request.
   */
  private SseReader connect() throws UpstreamException, IOException {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.putObject("notifications").set("resourceSubscriptions", array(uris));
    UpstreamReply reply =
        session.exchange(
            session.stamp(StatelessHttpSession.request("subscriptions/listen", params)));
    current = reply;
    if (closed || reply.framing() != UpstreamReply.Framing.SSE) {
      reply.close(); // refused (an error answer), or closed meanwhile
      return null;
    }
    CompletableFuture<Void> acked = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> abortUnless(acked, reply));
    SseReader events = new SseReader(reply.body(), MAX_EVENT);
    for (SseEvent e = events.next(); e != null && !closed; e = events.next()) {
      JsonNode n = message(e);
      if (n != null && ACKNOWLEDGED.equals(n.path("method").asText())) {
        acked.complete(null);
        List<String> agreed = agreed(uris, n.path("params").path("notifications"));
        acknowledged = agreed;
        return agreed.isEmpty() ? closeAnd(reply) : events;
      }
      if (n != null && n.has("id")) {
        break; // the listen's answer (an error) before any acknowledgement
      }
    }
    acked.complete(null);
    return closeAnd(reply);
  }

  private static void abortUnless(CompletableFuture<Void> acked, UpstreamReply reply) {
    if (!acked.isDone()) {
      reply.abort(); // no acknowledgement within the server's timeout
    }
  }

  private static SseReader closeAnd(UpstreamReply reply) {
    reply.close();
    return null;
  }

  /** Reads updates until the stream ends; why it ended. */
  private String pump(SseReader events) {
    try {
      for (SseEvent e = events.next(); e != null && !closed; e = events.next()) {
        JsonNode n = message(e);
        if (n == null) {
          continue;
        }
        String uri = n.path("params").path("uri").asText("");
        if (UPDATED.equals(n.path("method").asText()) && acknowledged.contains(uri)) {
          listener.updated(uri);
        } else if (n.has("id")) {
          return "the server ended the subscription";
        }
      }
      return "the server closed the stream";
    } catch (IOException e) {
      return "the stream broke (" + e.getClass().getSimpleName() + ")";
    }
  }

  /** The stream opened again with every URI acknowledged, or null after {@link #REOPENS} tries. */
  private SseReader reopen(String why) {
    List<String> before = acknowledged;
    long pause = FIRST_PAUSE_MILLIS;
    for (int attempt = 0; attempt < REOPENS && !closed; attempt++, pause *= 2) {
      try {
        Thread.sleep(pause);
        SseReader events = connect();
        if (events != null && acknowledged.containsAll(before)) {
          log.info("listen stream of {} for resources reopened ({})", session.server(), why);
          return events;
        }
        acknowledged = before;
        if (events != null) {
          current.close(); // a server that no longer takes every URI: the listener must know
          return null;
        }
      } catch (UpstreamException | IOException e) {
        log.debug("listen stream of {} not reopened: {}", session.server(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /** The URIs asked for that the acknowledged filter names, in the order asked. */
  static List<String> agreed(List<String> asked, JsonNode filter) {
    Set<String> named = new HashSet<>();
    for (JsonNode uri : filter.path("resourceSubscriptions")) {
      named.add(uri.asText());
    }
    List<String> agreed = new ArrayList<>();
    for (String uri : asked) {
      if (named.contains(uri) && !agreed.contains(uri)) {
        agreed.add(uri);
      }
    }
    return List.copyOf(agreed);
  }

  private static JsonNode array(List<String> uris) {
    var a = JsonNodeFactory.instance.arrayNode();
    uris.forEach(a::add);
    return a;
  }

  private JsonNode message(SseEvent e) {
    if (!e.isMessage() || e.data().isBlank()) {
      return null;
    }
    try {
      return JsonRpcCodec.MAPPER.readTree(e.data());
    } catch (IOException ex) {
      log.debug("listen stream of {} sent a non-JSON event", session.server());
      return null;
    }
  }
}
