package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ProtocolEra;
import dev.warden.pipeline.Exchange;
import java.util.Iterator;

/**
 * The request an upstream gets. Upstreams speak the stateful era, so the protocol members a
 * 2026-07-28 client puts in {@code _meta} (its version, capabilities, client info, log level) stay
 * at the gateway: an upstream that also speaks 2026-07-28 would otherwise take the call for one of
 * that era. Other {@code _meta} members, such as the progress token, go on.
 */
final class UpstreamRequests {
  private static final String RESERVED = "io.modelcontextprotocol/";

  private UpstreamRequests() {}

  /**
   * A copy of the client's message to rewrite for the upstream: its top level, {@code params} and
   * {@code params._meta} are new nodes that may be changed; deeper values (the arguments) are the
   * client's own and must not be.
   */
  static ObjectNode copy(Exchange exchange) {
    ObjectNode request = shallow(exchange.message().tree());
    if (request.get("params") instanceof ObjectNode original) {
      ObjectNode params = shallow(original);
      request.set("params", params);
      if (exchange.era() == ProtocolEra.STATELESS
          && params.get("_meta") instanceof ObjectNode originalMeta) {
        ObjectNode meta = shallow(originalMeta);
        for (Iterator<String> names = meta.fieldNames(); names.hasNext(); ) {
          if (names.next().startsWith(RESERVED)) {
            names.remove();
          }
        }
        if (meta.isEmpty()) {
          params.remove("_meta");
        } else {
          params.set("_meta", meta);
        }
      }
    }
    return request;
  }

  private static ObjectNode shallow(ObjectNode node) {
    return JsonNodeFactory.instance.objectNode().setAll(node);
  }
}
