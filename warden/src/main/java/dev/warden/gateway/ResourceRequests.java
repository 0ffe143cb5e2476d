package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.Catalog;
import java.util.Optional;

/**
 * {@code resources/read}, {@code resources/subscribe} and {@code resources/unsubscribe}: the URI
 * names the server (the one that listed it, or a template matching it). Subscriptions of a 2025
 * client are bridged in the way the server's era takes them.
 */
final class ResourceRequests {
  private final Catalog catalog;
  private final Forwarder forwarder;
  private final StandingSubscriptions standingSubscriptions = new StandingSubscriptions();
  private final ResourceUpdates resourceUpdates = new ResourceUpdates();

  ResourceRequests(Catalog catalog, Forwarder forwarder) {
    this.catalog = catalog;
    this.forwarder = forwarder;
  }

  Reply forward(Exchange exchange) {
    McpMessage m = exchange.message();
    String uri = m.param("uri");
    Optional<String> server = catalog.view().serverOfResource(uri);
    if (server.isEmpty()) {
      return new Reply.Failure(JsonRpcError.unknownResource(uri));
    }
    exchange.route(server.get(), uri);
    if (exchange.era() != ProtocolEra.STATELESS && !m.method().equals("resources/read")) {
      return subscription(exchange, server.get());
    }
    ObjectNode request =
        exchange.era() == ProtocolEra.STATELESS ? UpstreamRequests.copy(exchange) : m.tree();
    return forwarder.forward(exchange, server.get(), JsonRpcCodec.bytes(request));
  }

  /**
   * resources/subscribe and resources/unsubscribe of a 2025 client: a 2026-07-28 server has no such
   * methods, so a listen stream of its own stands in; a 2025 server takes them, and its updates are
   * relayed from its event stream; the upstream session counts them (sessions sharing a stdio
   * process share the server's subscriptions) and renews them on a new MCP session.
   */
  private Reply subscription(Exchange exchange, String server) {
    UpstreamSession upstream = forwarder.upstreamSession(exchange.session(), server);
    Optional<Reply> bridged = standingSubscriptions.apply(exchange, server, upstream);
    if (bridged.isPresent()) {
      return bridged.get();
    }
    return resourceUpdates.forward(exchange, server, upstream);
  }
}
