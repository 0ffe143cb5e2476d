package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ExposedName;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ParamHeaders;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Requests that name what they are for by its exposed name ({@code tools/call}, {@code
 * prompts/get}) or by a reference ({@code completion/complete}): the catalog finds the server, and
 * the name becomes the server's own before the request is forwarded.
 */
final class NamedRequests {
  private final Catalog catalog;
  private final Forwarder forwarder;

  NamedRequests(Catalog catalog, Forwarder forwarder) {
    this.catalog = catalog;
    this.forwarder = forwarder;
  }

  /** tools/call and prompts/get: the exposed name becomes the upstream's own name. */
  Reply forward(Exchange exchange, ListKind kind, JsonRpcError unknown) {
    return forward(exchange, kind, unknown, UnaryOperator.identity(), Map.of());
  }

  /**
   * {@code passedOn}: Mcp-Param headers the client sent that the tool does not declare; a tool's
   * declared ones are built from the arguments that go upstream.
   */
  Reply forward(
      Exchange exchange,
      ListKind kind,
      JsonRpcError unknown,
      UnaryOperator<ObjectNode> amend,
      Map<String, String> passedOn) {
    McpMessage m = exchange.message();
    CatalogView view = catalog.view();
    Optional<CatalogEntry> entry = view.find(kind, m.param("name"));
    if (entry.isEmpty()) {
      return new Reply.Failure(unavailable(exchange, view, m.param("name")).orElse(unknown));
    }
    CatalogEntry e = entry.get();
    exchange.route(e.server(), e.exposedName());
    ObjectNode request = UpstreamRequests.copy(exchange);
    ((ObjectNode) request.get("params")).put("name", e.upstreamName());
    ObjectNode out = amend.apply(request);
    Map<String, String> headers =
        e.headerParams().isEmpty() && passedOn.isEmpty()
            ? Map.of()
            : ParamHeaders.build(e.headerParams(), out.path("params").get("arguments"), passedOn);
    return forwarder.forward(exchange, e.server(), JsonRpcCodec.bytes(out), headers);
  }

  /**
   * A name on a server that could not be listed may well exist (the persona allowed it): the agent
   * is told the server is down, not that the name is unknown.
   */
  private static Optional<JsonRpcError> unavailable(
      Exchange exchange, CatalogView view, String exposedName) {
    Optional<String> server =
        ExposedName.parse(exposedName).map(ExposedName::server).filter(view::isUnavailable);
    server.ifPresent(s -> exchange.decide(Exchange.Outcome.ERROR, "upstream:unavailable"));
    return server.map(
        s ->
            new JsonRpcError(
                JsonRpcError.UPSTREAM_ERROR, "upstream '" + s + "' is unavailable right now"));
  }

  /** Completions name a prompt (exposed name) or a resource template (URI) to complete for. */
  Reply complete(Exchange exchange) {
    McpMessage m = exchange.message();
    JsonNode ref = m.params() == null ? null : m.params().get("ref");
    if (ref == null) {
      return new Reply.Failure(new JsonRpcError(JsonRpcError.INVALID_PARAMS, "ref is required"));
    }
    String type = ref.path("type").asText();
    ObjectNode request = UpstreamRequests.copy(exchange);
    ObjectNode newRef = ((ObjectNode) ref).deepCopy(); // below params: not copied by copy()
    ((ObjectNode) request.get("params")).set("ref", newRef);
    if (type.equals("ref/prompt")) {
      String name = ref.path("name").asText();
      Optional<CatalogEntry> e = catalog.view().find(ListKind.PROMPTS, name);
      if (e.isEmpty() || !exchange.scope().allowsPrompt(name)) {
        return new Reply.Failure(JsonRpcError.unknownPrompt(name));
      }
      newRef.put("name", e.get().upstreamName());
      exchange.route(e.get().server(), name);
      return forwarder.forward(exchange, e.get().server(), JsonRpcCodec.bytes(request));
    }
    String uri = ref.path("uri").asText();
    Optional<String> server = catalog.view().serverOfResource(uri);
    if (server.isEmpty() || !exchange.scope().allowsResource(uri)) {
      return new Reply.Failure(JsonRpcError.unknownResource(uri));
    }
    exchange.route(server.get(), uri);
    return forwarder.forward(exchange, server.get(), JsonRpcCodec.bytes(request));
  }
}
