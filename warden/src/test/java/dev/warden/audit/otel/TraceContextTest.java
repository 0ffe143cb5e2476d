package dev.warden.audit.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Exchange;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceContextTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String META_PARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String HEADER_PARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void theMessagesOwnMetaWinsOverTheHttpHeader() throws Exception {
    SpanContext parent =
        parentOf(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\","
                + "\"_meta\":{\"traceparent\":\""
                + META_PARENT
                + "\"}}}",
            Map.of("traceparent", HEADER_PARENT));
    assertThat(parent.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(parent.getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(parent.isRemote()).isTrue();
  }

  @Test
  void theHeaderIsUsedWithoutMeta() throws Exception {
    SpanContext parent =
        parentOf(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            Map.of("traceparent", HEADER_PARENT, "tracestate", "vendor=x"));
    assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parent.getTraceState().get("vendor")).isEqualTo("x");
  }

  @Test
  void aMalformedOrMissingParentStartsANewTrace() throws Exception {
    assertThat(parentOf("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).isValid())
        .isFalse();
    assertThat(
            parentOf(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    Map.of("traceparent", "00-not-a-trace-01"))
                .isValid())
        .isFalse();
  }

  @Test
  void outgoingContextReplacesTheAgentsInMetaAndKeepsTheRest() throws Exception {
    SpanContext call =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "53995c3f42cd8ad8",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Map<String, String> fields = TraceContext.outgoing(Context.root().with(Span.wrap(call)));
    assertThat(fields)
        .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-53995c3f42cd8ad8-01");
    ObjectNode request =
        (ObjectNode)
            JSON.readTree(
                "{\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"_meta\":"
                    + "{\"traceparent\":\""
                    + HEADER_PARENT
                    + "\",\"progressToken\":7}}}");
    TraceContext.intoMeta(request, fields);
    assertThat(request.at("/params/_meta/traceparent").asText())
        .isEqualTo(fields.get("traceparent"));
    assertThat(request.at("/params/_meta/progressToken").asInt()).isEqualTo(7);
    assertThat(request.at("/params/name").asText()).isEqualTo("t");
  }

  private static SpanContext parentOf(String message, Map<String, String> headers)
      throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(message);
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            tree.get("id"),
            tree.path("method").asText(),
            tree.get("params") instanceof ObjectNode p ? p : null,
            tree);
    Exchange exchange = new Exchange("r1", "p", m, headers::get, "127.0.0.1", message.length());
    return Span.fromContext(TraceContext.incoming(exchange)).getSpanContext();
  }
}
