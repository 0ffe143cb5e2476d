package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ListenUpstreams;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.time.Duration;

/**
 * What the gateway answers itself to a 2026-07-28 client: {@code server/discover} (the persona's
 * virtual server, as initialize describes it to stateful clients), the cache hints on lists, and
 * the agreement for a {@code subscriptions/listen} stream.
 */
final class DiscoverHandler {
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /**
   * How long a client may keep a list. The catalog keeps lists until an upstream announces a
   * change, and listening clients hear of it at once; the TTL bounds staleness for clients that do
   * not listen.
   */
  static final Duration LIST_TTL = Duration.ofSeconds(60);

  /** The virtual server changes only with the configuration. */
  static final Duration DISCOVER_TTL = Duration.ofHours(1);

  private final Initializer initializer;

  DiscoverHandler(Initializer initializer) {
    this.initializer = initializer;
  }

  /**
   * {@code tasks}: a server that offers the persona a tool runs tools as tasks, so the tasks
   * extension is announced; {@code subscribe}: a server that offers the persona a resource takes
   * subscriptions, so {@code resources.subscribe} is announced.
   */
  Reply discover(Exchange exchange, boolean tasks, boolean subscribe) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ProtocolVersions.ALL.forEach(result.putArray("supportedVersions")::add);
    ObjectNode capabilities = initializer.capabilities(subscribe);
    if (tasks) {
      capabilities.putObject("extensions").putObject(ProtocolVersions.TASKS_EXTENSION);
    }
    result.set("capabilities", capabilities);
    String text = initializer.instructions(exchange.persona());
    if (!text.isBlank()) {
      result.put("instructions", text);
    }
    cacheHints(result, DISCOVER_TTL);
    result.putObject("_meta").set(SERVER_INFO, initializer.serverInfo(exchange.persona()));
    return new Reply.Result(result);
  }

  /**
   * The lists are per persona, and a persona is held by some agents and not others: they may be
   * cached only within one authorization context ("private"). A list missing an unavailable server
   * may grow any moment, so it is not to be cached at all.
   */
  static ObjectNode listHints(ObjectNode result, boolean complete) {
    return cacheHints(result, complete ? LIST_TTL : Duration.ZERO);
  }

  private static ObjectNode cacheHints(ObjectNode result, Duration ttl) {
    result.put("ttlMs", ttl.toMillis());
    result.put("cacheScope", "private");
    return result;
  }

  /**
   * Opens a listen stream with the list-change notifications the client asked for, and the resource
   * subscriptions {@code resources} could make; the spec has the server omit what it does not
   * honour.
   */
  Reply listen(Exchange exchange, ResourceSubscriptions resources) {
    McpMessage m = exchange.message();
    JsonNode wanted = m.params() == null ? null : m.params().get("notifications");
    if (wanted == null || !wanted.isObject()) {
      return new Reply.Failure(
          new JsonRpcError(
              JsonRpcError.INVALID_PARAMS, "subscriptions/listen needs params.notifications"));
    }
    ObjectNode agreed = JsonNodeFactory.instance.objectNode();
    for (String flag :
        new String[] {"toolsListChanged", "promptsListChanged", "resourcesListChanged"}) {
      if (wanted.path(flag).asBoolean(false)) {
        agreed.put(flag, true);
      }
    }
    ListenUpstreams own = new ListenUpstreams();
    // Whatever becomes of the reply (written, replaced, never served), the upstreams close with it.
    exchange.onComplete(e -> own.close());
    if (wanted.get("resourceSubscriptions") instanceof ArrayNode uris && !uris.isEmpty()) {
      ArrayNode honoured = resources.subscribe(exchange, uris, own);
      if (!honoured.isEmpty()) {
        agreed.set("resourceSubscriptions", honoured);
      }
    }
    return new Reply.Listen(exchange.session(), agreed, own);
  }
}
