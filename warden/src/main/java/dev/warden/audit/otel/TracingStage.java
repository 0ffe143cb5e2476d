package dev.warden.audit.otel;

import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.TransportMethods;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Outermost: one server span per request, named {@code {method} {tool}} as the MCP semantic
 * conventions ask, child of the agent's W3C trace context when it sent one. The span is current
 * while the rest of the pipeline runs (so the upstream call span and the audit log records join it)
 * and ends once the reply has been written, carrying the gateway's decision.
 */
final class TracingStage implements Stage {
  /** Longer JSON-RPC ids (the agent chooses them) are left out rather than exported. */
  private static final int MAX_ID = 128;

  private final Tracer tracer;
  private final Stage inner;

  /** Traces every request around {@code inner} (the metrics stage, which stays outermost too). */
  TracingStage(Tracer tracer, Stage inner) {
    this.tracer = tracer;
    this.inner = inner;
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    if (TransportMethods.OPEN_STREAM.equals(exchange.method())) {
      return inner.apply(exchange, next); // lives as long as the session: not one call
    }
    Span span = start(exchange);
    OpenCalls calls = new OpenCalls();
    Reply reply;
    try (Scope ignored = Context.current().with(span).with(OpenCalls.KEY, calls).makeCurrent()) {
      reply = inner.apply(exchange, next);
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      calls.endAll();
      span.end();
      throw e;
    }
    exchange.decide(reply);
    exchange.onComplete(done -> finish(span, calls, done, reply));
    return reply;
  }

  private Span start(Exchange exchange) {
    String method = exchange.method().isEmpty() ? "response" : exchange.method();
    SpanBuilder b =
        tracer
            .spanBuilder(method)
            .setParent(TraceContext.incoming(exchange))
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(Keys.MCP_METHOD, method)
            .setAttribute(Keys.REQUEST_ID, exchange.id())
            .setAttribute(Keys.PERSONA, exchange.persona());
    String id = exchange.message().id() == null ? "" : exchange.message().id().asText();
    if (!id.isEmpty() && id.length() <= MAX_ID) {
      b.setAttribute(Keys.JSONRPC_REQUEST_ID, id);
    }
    String version =
        exchange.headers() == null ? null : exchange.headers().get("MCP-Protocol-Version");
    if (version != null && version.length() <= 32) {
      b.setAttribute(Keys.MCP_PROTOCOL_VERSION, version);
    }
    if (exchange.clientAddress() != null) {
      b.setAttribute(Keys.CLIENT_ADDRESS, exchange.clientAddress());
    }
    return b.startSpan();
  }

  private static void finish(Span span, OpenCalls calls, Exchange ex, Reply reply) {
    calls.endAll();
    String method = ex.method();
    boolean routed = !ex.server().isEmpty();
    if (routed) {
      span.setAttribute(Keys.SERVER, ex.server());
      span.setAttribute(Keys.TARGET, ex.target());
      switch (method) {
        case "tools/call" -> {
          span.updateName(method + " " + ex.target());
          span.setAttribute(Keys.GEN_AI_OPERATION, "execute_tool");
          span.setAttribute(Keys.GEN_AI_TOOL, ex.target());
        }
        case "prompts/get" -> {
          span.updateName(method + " " + ex.target());
          span.setAttribute(Keys.GEN_AI_PROMPT, ex.target());
        }
        case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
            span.setAttribute(Keys.MCP_RESOURCE_URI, ex.target());
        default -> {}
      }
    }
    if (ex.principal() != null) {
      span.setAttribute(Keys.AGENT, ex.principal().agent());
      if (!ex.user().isEmpty()) {
        span.setAttribute(Keys.USER, ex.user());
      }
    }
    span.setAttribute(Keys.DECISION, ex.outcome().name().toLowerCase(Locale.ROOT));
    if (!ex.rule().isEmpty()) {
      span.setAttribute(Keys.RULE, ex.rule());
    }
    Map<String, Integer> findings = ex.findings();
    if (!findings.isEmpty()) {
      List<String> list = new ArrayList<>(findings.size());
      findings.forEach((type, n) -> list.add(type + "=" + n));
      span.setAttribute(Keys.FINDINGS, list);
    }
    if (!ex.upstreamError().isEmpty()) {
      span.setAttribute(Keys.UPSTREAM_ERROR, ex.upstreamError());
    }
    span.setAttribute(Keys.HTTP_STATUS, (long) ex.httpStatus());
    if (reply instanceof Reply.Failure f) {
      span.setAttribute(Keys.RPC_STATUS, Integer.toString(f.error().code()));
    }
    if (ex.outcome() == Exchange.Outcome.ERROR) {
      span.setAttribute(Keys.ERROR_TYPE, errorType(ex, reply));
      // A JSON-RPC error the agent caused (unknown method, bad params) is not the gateway failing.
      if (!(reply instanceof Reply.Failure f) || isServerError(f.error())) {
        span.setStatus(StatusCode.ERROR, ex.rule());
      }
    }
    span.end();
  }

  private static String errorType(Exchange ex, Reply reply) {
    if (reply instanceof Reply.Failure f) {
      return Integer.toString(f.error().code());
    }
    return ex.upstreamError().isEmpty() ? ex.rule() : ex.upstreamError();
  }

  private static boolean isServerError(JsonRpcError error) {
    return error.code() == JsonRpcError.INTERNAL_ERROR
        || (error.code() <= -32000 && error.code() >= -32099);
  }
}
