package dev.warden.audit.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.pipeline.Exchange;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;

/**
 * W3C trace context in and out: read from the request's {@code params._meta} (where MCP carries it
 * per message) or else its HTTP headers; written into outgoing headers and {@code params._meta}.
 */
final class TraceContext {
  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final List<String> FIELDS = List.of(TRACEPARENT, TRACESTATE);

  private static final TextMapGetter<Exchange.Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Exchange.Headers carrier) {
          return FIELDS;
        }

        @Override
        public String get(Exchange.Headers carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static final TextMapGetter<JsonNode> META =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonNode carrier) {
          return FIELDS;
        }

        @Override
        public String get(JsonNode carrier, String key) {
          JsonNode v = carrier == null ? null : carrier.get(key);
          return v != null && v.isTextual() ? v.asText() : null;
        }
      };

  private TraceContext() {}

  /** The agent's trace context, or the root context when it sent none (or a malformed one). */
  static Context incoming(Exchange exchange) {
    ObjectNode params = exchange.message().params();
    JsonNode meta = params == null ? null : params.get("_meta");
    if (meta != null && meta.has(TRACEPARENT)) {
      return W3C.extract(Context.root(), meta, META);
    }
    if (exchange.headers() != null && exchange.headers().get(TRACEPARENT) != null) {
      return W3C.extract(Context.root(), exchange.headers(), HEADERS);
    }
    return Context.root();
  }

  /** The fields that carry {@code context} to the next hop. */
  static Map<String, String> outgoing(Context context) {
    Map<String, String> fields = new java.util.HashMap<>(4);
    W3C.inject(context, fields, (carrier, key, value) -> carrier.put(key, value));
    return fields;
  }

  /** Puts {@code fields} into the request's {@code params._meta}, replacing what the agent sent. */
  static void intoMeta(ObjectNode request, Map<String, String> fields) {
    JsonNode params = request.get("params");
    if (params != null && !params.isObject()) {
      return;
    }
    ObjectNode p = params == null ? request.putObject("params") : (ObjectNode) params;
    JsonNode meta = p.get("_meta");
    if (meta != null && !meta.isObject()) {
      return;
    }
    ObjectNode m = meta == null ? p.putObject("_meta") : (ObjectNode) meta;
    m.remove(FIELDS);
    fields.forEach(m::put);
  }
}
