package dev.warden.gateway;

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

  /** A copy of the client's message to rewrite for the upstream. */
  static ObjectNode copy(Exchange exchange) {
    ObjectNode request = exchange.message().tree().deepCopy();
    if (exchange.era() == ProtocolEra.STATELESS
        && request.get("params") instanceof ObjectNode params
        && params.get("_meta") instanceof ObjectNode meta) {
      for (Iterator<String> names = meta.fieldNames(); names.hasNext(); ) {
        if (names.next().startsWith(RESERVED)) {
          names.remove();
        }
      }
      if (meta.isEmpty()) {
        params.remove("_meta");
      }
    }
    return request;
  }
}
