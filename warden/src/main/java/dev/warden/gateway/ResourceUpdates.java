package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resources/subscribe} and {@code resources/unsubscribe} of a client of the 2025 eras for a
 * server of the 2025 eras, which takes them itself and announces updates on its standalone event
 * stream. They are sent through the upstream session, which counts them: sessions sharing one MCP
 * session with the server (a stdio process's) share its subscriptions, so the server is asked to
 * subscribe for the first of them and to unsubscribe after the last, and a new MCP session is
 * subscribed again to what is held. Before the first subscribe of an upstream session is sent, that
 * session's stream is opened and awaited (once per upstream session; it closes with it), so an
 * update sent right after the answer is not lost. Each {@code notifications/resources/updated} for
 * a URI the session subscribed to goes to the client's standalone stream (GET), as list changes do.
 * Updates of other URIs are dropped: a stdio process serves several sessions on one MCP session,
 * and an unsubscribe stops the updates at once.
 */
final class ResourceUpdates {
  private static final Logger log = LoggerFactory.getLogger(ResourceUpdates.class);

  /** The URIs each session subscribed to, by server (weakly held: they end with sessions). */
  private final Map<Session, Map<String, Set<String>>> bySession =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Each upstream session's event stream, opened once: whether the server accepted it (weak). */
  private final Map<UpstreamSession, CompletionStage<Boolean>> streams =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The answer to the request. An unsubscribe stops passing the URI on at once; a subscribe past
   * {@link ResourceSubscriptions#MAX_URIS} per server is refused, one of a URI the session holds
   * already is answered at once, and otherwise its URI's updates are passed on from the moment it
   * is sent until the server refuses it.
   */
  Reply forward(Exchange exchange, String server, UpstreamSession upstream) {
    Session session = exchange.session();
    Set<String> uris = uris(session, server);
    String uri = exchange.message().param("uri");
    if (!"resources/subscribe".equals(exchange.method())) {
      uris.remove(uri);
      return answer(exchange, () -> upstream.unsubscribeResource(uri));
    }
    if (!uris.contains(uri) && uris.size() >= ResourceSubscriptions.MAX_URIS) {
      return ResourceSubscriptions.tooMany();
    }
    listening(session, server, upstream);
    // Before the answer is read here: the server may announce an update on its stream first.
    if (!uris.add(uri)) {
      return new Reply.Result(JsonNodeFactory.instance.objectNode()); // held already
    }
    Reply reply = answer(exchange, () -> upstream.subscribeResource(uri));
    if (reply instanceof Reply.Failure) {
      uris.remove(uri);
    }
    return reply;
  }

  /** A request Warden sends for the client. */
  @FunctionalInterface
  private interface Call {
    ObjectNode send() throws UpstreamException;
  }

  /** The server's answer as the client's: its result, or its error's code and message. */
  private static Reply answer(Exchange exchange, Call call) {
    ObjectNode response;
    try {
      response = call.send();
    } catch (UpstreamException e) {
      String kind = e.kind().name().toLowerCase(Locale.ROOT);
      exchange.upstreamError(kind);
      exchange.decide(Exchange.Outcome.ERROR, "upstream:" + kind);
      return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
    }
    if (response.get("result") instanceof ObjectNode result) {
      return new Reply.Result(result);
    }
    JsonNode error = response.path("error");
    return new Reply.Failure(
        new JsonRpcError(
            error.path("code").asInt(JsonRpcError.UPSTREAM_ERROR),
            error.path("message").asText("the server refused it")));
  }

  /**
   * Opens the upstream session's event stream, once, and waits until the server has taken it (at
   * most the server's timeout). A server without one (405) cannot announce updates: the subscribe
   * is forwarded all the same, and the client hears none.
   */
  private void listening(Session session, String server, UpstreamSession upstream) {
    CompletionStage<Boolean> open =
        streams.computeIfAbsent(
            upstream,
            u -> u.listen(n -> updated(session, server, n), () -> resumed(session, server)));
    if (!open.toCompletableFuture().join()) {
      log.debug("upstream {} offers no event stream now: resource updates may be missed", server);
    }
  }

  private Set<String> uris(Session session, String server) {
    return bySession
        .computeIfAbsent(session, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(server, s -> ConcurrentHashMap.newKeySet());
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
