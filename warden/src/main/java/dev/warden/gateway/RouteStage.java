package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.SessionStore;
import dev.warden.mcp.TransportMethods;
import dev.warden.mcp.UpstreamServer;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;
import java.util.Map;

/**
 * Always last: answers what the gateway owns (initialize, lists, ping) and sends the rest to the
 * upstream that offers it, through the session's own upstream session. This class dispatches by
 * method; tool calls ({@link ToolCalls}), named requests ({@link NamedRequests}) and resource
 * requests ({@link ResourceRequests}) are resolved and forwarded ({@link Forwarder}) elsewhere.
 */
final class RouteStage implements Stage {
  private final Catalog catalog;
  private final SessionStore sessions;
  private final Initializer initializer;
  private final DiscoverHandler discover;
  private final TaskPolls taskPolls;
  private final ResourceSubscriptions resourceSubscriptions;
  private final NamedRequests named;
  private final ToolCalls toolCalls;
  private final ResourceRequests resources;

  RouteStage(
      Catalog catalog,
      SessionStore sessions,
      Map<String, UpstreamServer> upstreams,
      Initializer initializer,
      InputRequired inputRequired) {
    Map<String, UpstreamServer> servers = Map.copyOf(upstreams);
    this.catalog = catalog;
    this.sessions = sessions;
    this.initializer = initializer;
    this.discover = new DiscoverHandler(initializer);
    this.taskPolls = new TaskPolls(catalog, servers, sessions.tokens());
    this.resourceSubscriptions = new ResourceSubscriptions(catalog, servers);
    Forwarder forwarder = new Forwarder(servers, inputRequired);
    this.named = new NamedRequests(catalog, forwarder);
    this.toolCalls =
        new ToolCalls(catalog, named, forwarder, new StatelessTasks(sessions.tokens()));
    this.resources = new ResourceRequests(catalog, forwarder);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    McpMessage m = exchange.message();
    if (m.kind() == McpMessage.Kind.RESPONSE) {
      return ClientMessages.answer(exchange);
    }
    String method = m.method();
    if (m.kind() == McpMessage.Kind.NOTIFICATION) {
      return transportOrNotification(exchange, method);
    }
    boolean stateless = exchange.era() == ProtocolEra.STATELESS;
    ListKind list = ListKind.ofMethod(method);
    if (list != null) {
      CatalogView view = catalog.view();
      ObjectNode result = PersonaLists.list(view, list, exchange.scope());
      return new Reply.Result(
          stateless ? DiscoverHandler.listHints(result, view.complete()) : result);
    }
    if (stateless && method.equals("server/discover")) {
      CatalogView view = catalog.view();
      return discover.discover(
          exchange,
          PersonaLists.offersTasks(view, exchange.scope()),
          PersonaLists.offersSubscriptions(view, exchange.scope()));
    }
    if (stateless && method.equals("subscriptions/listen")) {
      return discover.listen(exchange, resourceSubscriptions);
    }
    return switch (method) {
      case "initialize" -> {
        CatalogView view = catalog.view();
        yield initializer.initialize(
            exchange,
            PersonaLists.offersToolTasks(view, exchange.scope()),
            PersonaLists.offersSubscriptions(view, exchange.scope()));
      }
      case "ping" -> new Reply.Result(JsonNodeFactory.instance.objectNode());
      case "logging/setLevel" -> ClientMessages.setLevel(exchange);
      case "tools/call" -> toolCalls.call(exchange, stateless);
      case "tasks/get", "tasks/cancel" ->
          stateless ? taskPolls.apply(exchange) : toolCalls.forwardTask(exchange);
      case "tasks/result" -> stateless ? notFound(method) : toolCalls.forwardTask(exchange);
      case "tasks/update" -> stateless ? taskPolls.apply(exchange) : notFound(method);
      case "tasks/list" ->
          stateless || exchange.session() == null
              ? notFound(method)
              : new Reply.Result(TaskListing.list(exchange.session(), m.id()));
      case "prompts/get" ->
          named.forward(exchange, ListKind.PROMPTS, JsonRpcError.unknownPrompt(m.param("name")));
      case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
          resources.forward(exchange);
      case "completion/complete" -> named.complete(exchange);
      default -> notFound(method);
    };
  }

  private static Reply notFound(String method) {
    return new Reply.Failure(
        new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method));
  }

  private Reply transportOrNotification(Exchange exchange, String method) {
    if (TransportMethods.OPEN_STREAM.equals(method)) {
      return new Reply.Stream(exchange.session());
    }
    if (TransportMethods.END_SESSION.equals(method)) {
      sessions.remove(exchange.session());
    } else {
      ClientMessages.notification(exchange);
    }
    return new Reply.Accepted();
  }
}
