package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogView;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The {@code resourceSubscriptions} of a 2026-07-28 {@code subscriptions/listen} stream, bridged to
 * stateful upstreams. Each URI the persona allows, on a server that announced {@code
 * resources.subscribe}, is subscribed to ({@code resources/subscribe}) on the held session's own
 * upstream session for that server, whose standalone event stream is opened once to receive the
 * server's {@code notifications/resources/updated}. Those go to the held session's listen streams,
 * each of which passes on only the URIs it was agreed. A URI the server refuses (or cannot take, as
 * a 2026-07-28 server, which has no {@code resources/subscribe}) is left out of the agreement.
 */
final class ResourceSubscriptions {
  static final String UPDATED = "notifications/resources/updated";

  /** URIs one listen request may subscribe to; more are left out of the agreement. */
  static final int MAX_URIS = 64;

  private final Catalog catalog;
  private final Map<String, UpstreamServer> upstreams;

  /** Upstream sessions whose event stream is open already (weakly held: they end with sessions). */
  private final Set<UpstreamSession> listening =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  ResourceSubscriptions(Catalog catalog, Map<String, UpstreamServer> upstreams) {
    this.catalog = catalog;
    this.upstreams = upstreams;
  }

  /** Subscribes to what the filter asks for; the URIs honoured, in the order asked. */
  ArrayNode subscribe(Exchange exchange, JsonNode wanted) {
    ArrayNode honoured = JsonNodeFactory.instance.arrayNode();
    Set<String> uris = new LinkedHashSet<>();
    for (JsonNode uri : wanted) {
      if (uri.isTextual() && uris.size() < MAX_URIS) {
        uris.add(uri.asText());
      }
    }
    CatalogView view = catalog.view();
    for (String uri : uris) {
      if (!exchange.scope().allowsResource(uri)) {
        continue; // outside the persona a resource does not exist
      }
      String server = view.serverOfResource(uri).orElse(null);
      if (server != null
          && view.offersResourceSubscribe(server)
          && subscribed(exchange.session(), server, uri)) {
        honoured.add(uri);
      }
    }
    return honoured;
  }

  private boolean subscribed(Session session, String server, String uri) {
    UpstreamServer upstream = upstreams.get(server);
    if (upstream == null) {
      return false;
    }
    UpstreamSession s = session.upstream(server, id -> upstream.newSession(session.profile()));
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("uri", uri);
    try {
      if (!s.call("resources/subscribe", params, n -> {}).has("result")) {
        return false;
      }
    } catch (UpstreamException e) {
      return false;
    }
    if (listening.add(s)) {
      s.listen(n -> updated(session, n), () -> {});
    }
    return true;
  }

  /** An update goes to the session's listen streams, which filter it by URI. */
  private static void updated(Session session, ObjectNode notification) {
    if (UPDATED.equals(notification.path("method").asText())) {
      session.broadcast(JsonRpcCodec.bytes(notification));
    }
  }
}
