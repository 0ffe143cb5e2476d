package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code resources/subscribe} and {@code resources/unsubscribe} of a client of the 2025 eras for a
 * server of the 2025 eras, which takes them itself (they are forwarded) and announces updates on
 * its standalone event stream. The first subscribe the server accepts opens that stream of the
 * session's upstream session (once per upstream session; it closes with it), and each {@code
 * notifications/resources/updated} for a URI the session subscribed to goes to the client's
 * standalone stream (GET), as list changes do. Updates of other URIs are dropped: a stdio process
 * serves several sessions on one MCP session, and an unsubscribe stops the updates at once.
 */
final class ResourceUpdates {
  /** The URIs each session subscribed to, by server (weakly held: they end with sessions). */
  private final Map<Session, Map<String, Set<String>>> bySession =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Upstream sessions whose event stream is open already (weakly held, as above). */
  private final Set<UpstreamSession> listening =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /**
   * Before the request is forwarded: an unsubscribe stops passing the URI on at once; a subscribe
   * past {@link ResourceSubscriptions#MAX_URIS} per server is refused (the answer, else empty).
   */
  Optional<Reply> before(Exchange exchange, String server) {
    Set<String> uris = uris(exchange.session(), server);
    String uri = exchange.message().param("uri");
    if (!subscribing(exchange)) {
      uris.remove(uri);
    } else if (!uris.contains(uri) && uris.size() >= ResourceSubscriptions.MAX_URIS) {
      return Optional.of(
          new Reply.Failure(
              new JsonRpcError(
                  JsonRpcError.UPSTREAM_ERROR,
                  "at most " + ResourceSubscriptions.MAX_URIS + " subscriptions per server")));
    }
    return Optional.empty();
  }

  /**
   * The forwarded request's reply; once the server answers a subscribe with a result, the URI's
   * updates are passed on and the upstream session's event stream is open.
   */
  Reply after(Exchange exchange, String server, UpstreamSession upstream, Reply reply) {
    if (!subscribing(exchange) || !(reply instanceof Reply.Relay relay)) {
      return reply;
    }
    Session session = exchange.session();
    String uri = exchange.message().param("uri");
    TaskReplies watched =
        new TaskReplies(
            exchange.message().id(),
            result -> {
              subscribed(session, server, upstream, uri);
              return false; // the answer passes unchanged
            });
    return watched.relayed(exchange, relay);
  }

  private static boolean subscribing(Exchange exchange) {
    return "resources/subscribe".equals(exchange.method());
  }

  private Set<String> uris(Session session, String server) {
    return bySession
        .computeIfAbsent(session, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(server, s -> ConcurrentHashMap.newKeySet());
  }

  private void subscribed(Session session, String server, UpstreamSession upstream, String uri) {
    uris(session, server).add(uri);
    if (listening.add(upstream)) {
      upstream.listen(n -> updated(session, server, n), () -> resumed(session, server));
    }
  }

  /** A notification of the upstream session's own stream; only subscribed updates go on. */
  private void updated(Session session, String server, ObjectNode notification) {
    if (!ResourceSubscriptions.UPDATED.equals(notification.path("method").asText())) {
      return;
    }
    JsonNode uri = notification.path("params").path("uri");
    if (uri.isTextual() && uris(session, server).contains(uri.asText())) {
      // Built anew: nothing else of the server's (its _meta) reaches the client.
      session.broadcast(ResourceSubscriptions.updatedNotification(uri.asText()));
    }
  }

  /** The stream was down for a while: what changed meanwhile is unknown, so the client re-reads. */
  private void resumed(Session session, String server) {
    for (String uri : uris(session, server)) {
      session.broadcast(ResourceSubscriptions.updatedNotification(uri));
    }
  }
}
