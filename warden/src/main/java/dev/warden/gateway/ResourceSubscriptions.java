package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ListenUpstreams;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code resourceSubscriptions} of a 2026-07-28 {@code subscriptions/listen} stream. Each URI
 * the persona allows, on a server that announced {@code resources.subscribe}, is subscribed to the
 * way the server's era has it:
 *
 * <ul>
 *   <li>a server of the 2025 eras gets {@code resources/subscribe} on the held session's own
 *       upstream session for it, whose standalone event stream is opened once to receive the
 *       server's {@code notifications/resources/updated}; those go to the held session's listen
 *       streams, each of which passes on only the URIs it was agreed. The upstream session counts
 *       each stream's subscriptions, which end with the stream: the server unsubscribes from a URI
 *       when no stream (nor client session sharing its MCP session) holds it any more;
 *   <li>a server of the 2026-07-28 era gets a {@code subscriptions/listen} of its own for this
 *       stream alone, one per (stream, server), carrying all of the stream's URIs it owns; its
 *       updates go to this stream only, and it is closed when the stream ends ({@link
 *       ListenUpstreams}).
 * </ul>
 *
 * A URI the server refuses is left out of the agreement. Servers are asked side by side.
 */
final class ResourceSubscriptions {
  static final String UPDATED = "notifications/resources/updated";

  /** URIs one listen request may subscribe to; more are left out of the agreement. */
  static final int MAX_URIS = 64;

  /** The answer to a 2025 client's subscribe past {@link #MAX_URIS} on one server. */
  static Reply tooMany() {
    return new Reply.Failure(
        new JsonRpcError(
            JsonRpcError.UPSTREAM_ERROR, "at most " + MAX_URIS + " subscriptions per server"));
  }

  private final Catalog catalog;
  private final Map<String, UpstreamServer> upstreams;

  /**
   * Each upstream session's event stream, opened once, and whether the server accepted it (weakly
   * held: they end with sessions).
   */
  private final Map<UpstreamSession, CompletionStage<Boolean>> streams =
      Collections.synchronizedMap(new WeakHashMap<>());

  ResourceSubscriptions(Catalog catalog, Map<String, UpstreamServer> upstreams) {
    this.catalog = catalog;
    this.upstreams = upstreams;
  }

  /**
   * Subscribes to what the filter asks for; the URIs honoured, in the order asked. Subscriptions
   * opened for this stream alone go to {@code own}.
   */
  ArrayNode subscribe(Exchange exchange, JsonNode wanted, ListenUpstreams own) {
    Set<String> uris = new LinkedHashSet<>();
    for (JsonNode uri : wanted) {
      if (uri.isTextual() && uris.size() < MAX_URIS) {
        uris.add(uri.asText());
      }
    }
    Map<String, List<String>> byServer = byServer(exchange, uris);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Session session = exchange.session();
    if (byServer.size() == 1) {
      byServer.forEach((server, some) -> accepted.addAll(subscribe(session, server, some, own)));
    } else {
      try (ExecutorService each = VirtualThreads.perTask()) {
        byServer.forEach(
            (server, some) ->
                each.execute(() -> accepted.addAll(subscribe(session, server, some, own))));
      }
    }
    ArrayNode honoured = JsonNodeFactory.instance.arrayNode();
    uris.stream().filter(accepted::contains).forEach(honoured::add);
    return honoured;
  }

  /** The URIs the persona allows and a server that takes subscriptions owns, by that server. */
  private Map<String, List<String>> byServer(Exchange exchange, Set<String> uris) {
    CatalogView view = catalog.view();
    Map<String, List<String>> byServer = new LinkedHashMap<>();
    for (String uri : uris) {
      if (!exchange.scope().allowsResource(uri)) {
        continue; // outside the persona a resource does not exist
      }
      Optional<String> server = view.serverOfResource(uri);
      if (server.isPresent() && view.offersResourceSubscribe(server.get())) {
        byServer.computeIfAbsent(server.get(), s -> new ArrayList<>()).add(uri);
      }
    }
    return byServer;
  }

  /** Subscribes to {@code uris} of one server; the ones it accepted. */
  private List<String> subscribe(
      Session session, String server, List<String> uris, ListenUpstreams own) {
    UpstreamServer upstream = upstreams.get(server);
    if (upstream == null) {
      return List.of();
    }
    UpstreamSession s = session.upstream(server, id -> upstream.newSession(session.profile()));
    Optional<ResourceSubscription> stream;
    try {
      stream = s.subscribeResources(uris, new Relay(server, own));
    } catch (UpstreamException e) {
      return List.of();
    }
    if (stream.isPresent()) {
      own.add(stream.get());
      return stream.get().acknowledged();
    }
    List<String> accepted = uris.stream().filter(uri -> subscribed(session, s, uri)).toList();
    if (!accepted.isEmpty()) {
      own.add(new Held(s, accepted));
    }
    return accepted;
  }

  /**
   * The event stream is open before the subscribe is sent, so an update the server sends right
   * after its answer is heard (see {@link UpstreamSession#listen}).
   */
  private boolean subscribed(Session session, UpstreamSession s, String uri) {
    streams
        .computeIfAbsent(s, u -> u.listen(n -> updated(session, n), () -> {}))
        .toCompletableFuture()
        .join();
    try {
      return s.subscribeResource(uri).has("result");
    } catch (UpstreamException e) {
      return false;
    }
  }

  /**
   * The subscriptions one listen stream holds on a 2025 server: closing it lets go of them (in the
   * background), and the server unsubscribes from those nobody else holds.
   */
  private static final class Held implements ResourceSubscription {
    private final UpstreamSession session;
    private final List<String> uris;
    private final AtomicBoolean closed = new AtomicBoolean();

    Held(UpstreamSession session, List<String> uris) {
      this.session = session;
      this.uris = List.copyOf(uris);
    }

    @Override
    public List<String> acknowledged() {
      return uris;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        VirtualThreads.builder().name("listen-unsubscribe").start(this::release);
      }
    }

    private void release() {
      for (String uri : uris) {
        try {
          session.unsubscribeResource(uri);
        } catch (UpstreamException e) {
          return; // the upstream session is gone, and what it held with it
        }
      }
    }
  }

  /** An update goes to the session's listen streams, which filter it by URI. */
  private static void updated(Session session, ObjectNode notification) {
    if (UPDATED.equals(notification.path("method").asText())) {
      session.broadcast(JsonRpcCodec.bytes(notification));
    }
  }

  /** {@code notifications/resources/updated} for {@code uri}, built by the gateway. */
  static byte[] updatedNotification(String uri) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", UPDATED);
    n.putObject("params").put("uri", uri);
    return JsonRpcCodec.bytes(n);
  }

  /**
   * Hands a 2026-07-28 server's updates to the one stream that opened its subscription. Resource
   * URIs are exposed to personas as their server names them, so the URI needs no mapping; the
   * notification is built anew, so nothing else of the server's (its own subscription id in {@code
   * _meta}) reaches the client.
   */
  record Relay(String server, ListenUpstreams own) implements ResourceSubscription.Listener {
    @Override
    public void updated(String uri) {
      own.deliver(updatedNotification(uri));
    }

    @Override
    public void resumed(List<String> uris) {
      uris.forEach(this::updated); // what changed while the stream was down is unknown
    }

    @Override
    public void ended(String why) {
      own.fail("the resource subscriptions on upstream '" + server + "' ended: " + why);
    }
  }
}
