package dev.warden.audit.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.CallHeaders;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * An upstream whose calls are client spans, children of the request's span. The call's W3C trace
 * context goes to the upstream twice: as {@code traceparent}/{@code tracestate} headers on every
 * HTTP request the call makes, and in the request's {@code params._meta}, where MCP carries it per
 * message. The span lasts until the reply has been read or closed.
 */
final class TracedUpstream implements UpstreamServer {
  private final UpstreamServer delegate;
  private final Tracer tracer;
  private final ServerConfig config;

  TracedUpstream(UpstreamServer delegate, Tracer tracer, ServerConfig config) {
    this.delegate = delegate;
    this.tracer = tracer;
    this.config = config;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public UpstreamSession newSession() {
    return new Session(delegate.newSession());
  }

  @Override
  public UpstreamSession newSession(dev.warden.mcp.ClientProfile client) {
    return new Session(delegate.newSession(client));
  }

  @Override
  public void close() {
    delegate.close();
  }

  private final class Session implements UpstreamSession {
    private final UpstreamSession delegate;

    Session(UpstreamSession delegate) {
      this.delegate = delegate;
    }

    @Override
    public UpstreamReply send(byte[] request) throws UpstreamException {
      Context parent = Context.current();
      ObjectNode tree = parse(request);
      Span span = start(parent, tree);
      OpenCalls calls = OpenCalls.in(parent);
      Runnable end = calls == null ? span::end : calls.track(span);
      Map<String, String> fields = TraceContext.outgoing(parent.with(span));
      byte[] body = request;
      if (tree != null) {
        TraceContext.intoMeta(tree, fields);
        body = JsonRpcCodec.bytes(tree);
      }
      byte[] sent = body;
      try {
        UpstreamReply reply =
            ScopedValue.where(CallHeaders.CURRENT, fields).call(() -> delegate.send(sent));
        return new UpstreamReply(
            reply.framing(),
            new EndingStream(reply.body(), end),
            () -> {
              reply.abort();
              end.run();
            });
      } catch (UpstreamException e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        span.setAttribute(Keys.ERROR_TYPE, kind);
        span.setStatus(StatusCode.ERROR, kind);
        end.run();
        throw e;
      } catch (RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        end.run();
        throw e;
      }
    }

    private Span start(Context parent, ObjectNode tree) {
      String method = tree == null ? "" : tree.path("method").asText("");
      String name = tree == null ? "" : tree.path("params").path("name").asText("");
      SpanBuilder b =
          tracer
              .spanBuilder(name.isEmpty() ? method : method + " " + name)
              .setParent(parent)
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(Keys.MCP_METHOD, method)
              .setAttribute(Keys.SERVER, config.id());
      if (config.url() != null) {
        b.setAttribute(Keys.SERVER_ADDRESS, config.url().getHost());
        int port = config.url().getPort();
        b.setAttribute(
            Keys.SERVER_PORT,
            (long) (port >= 0 ? port : "https".equals(config.url().getScheme()) ? 443 : 80));
      }
      if (method.equals("tools/call")) {
        b.setAttribute(Keys.GEN_AI_OPERATION, "execute_tool").setAttribute(Keys.GEN_AI_TOOL, name);
      } else if (method.equals("prompts/get")) {
        b.setAttribute(Keys.GEN_AI_PROMPT, name);
      }
      JsonNode uri = tree == null ? null : tree.path("params").get("uri");
      if (uri != null && uri.isTextual()) {
        b.setAttribute(Keys.MCP_RESOURCE_URI, uri.asText());
      }
      JsonNode id = tree == null ? null : tree.get("id");
      if (id != null && !id.isNull()) {
        b.setAttribute(Keys.JSONRPC_REQUEST_ID, id.asText());
      }
      return b.startSpan();
    }

    @Override
    public void post(byte[] message) throws UpstreamException {
      delegate.post(message);
    }

    @Override
    public ObjectNode initializeResult() throws UpstreamException {
      return delegate.initializeResult();
    }

    @Override
    public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
        throws UpstreamException {
      return delegate.call(method, params, notifications);
    }

    @Override
    public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
      return delegate.listen(listener, resumed);
    }

    @Override
    public ObjectNode subscribeResource(String uri) throws UpstreamException {
      return delegate.subscribeResource(uri);
    }

    @Override
    public ObjectNode unsubscribeResource(String uri) throws UpstreamException {
      return delegate.unsubscribeResource(uri);
    }

    @Override
    public Optional<ResourceSubscription> subscribeResources(
        List<String> uris, ResourceSubscription.Listener listener) throws UpstreamException {
      return delegate.subscribeResources(uris, listener);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** The request as a tree, or null when it is not a JSON object (then it is sent unchanged). */
  private static ObjectNode parse(byte[] request) {
    try {
      return JsonRpcCodec.MAPPER.readTree(request) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Ends the call's span when the reply has been read to its end or closed. */
  private static final class EndingStream extends FilterInputStream {
    private final Runnable end;

    EndingStream(InputStream in, Runnable end) {
      super(in);
      this.end = end;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        end.run();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        end.run();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        end.run();
      }
    }
  }
}
