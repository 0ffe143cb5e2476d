package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.CallHeaders;
import dev.warden.mcp.ClientProfile;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One session with a Streamable HTTP upstream (2025-03-26 to 2025-11-25 era). */
final class StreamableHttpSession implements UpstreamSession {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttpSession.class);
  private static final String JSON = "application/json";
  private static final String ACCEPT = "application/json, text/event-stream";
  private static final AtomicLong IDS = new AtomicLong();
  private static final java.time.Duration STREAM_IDLE = java.time.Duration.ofMinutes(10);

  private final ServerConfig config;
  private final HttpClient http;
  private final String clientVersion;
  private final ClientProfile client;
  private final Consumer<StreamableHttpSession> onClose;
  private final ReentrantLock initLock = new ReentrantLock();

  private volatile State state;
  private volatile boolean closed;

  /** What initialize established. {@code sessionId} is null for servers without sessions. */
  private record State(String sessionId, String protocolVersion, ObjectNode result) {}

  StreamableHttpSession(
      ServerConfig config,
      HttpClient http,
      String clientVersion,
      ClientProfile client,
      Consumer<StreamableHttpSession> onClose) {
    this.config = config;
    this.http = http;
    this.clientVersion = clientVersion;
    this.client = client;
    this.onClose = onClose;
  }

  @Override
  public UpstreamReply send(byte[] request) throws UpstreamException {
    State s = ready();
    try {
      return exchange(s, request);
    } catch (SessionExpired e) {
      // The upstream forgot the session (it restarted): the request was not processed, so
      // initializing again and resending is safe.
      return exchange(reinitialize(s), request);
    }
  }

  @Override
  public void post(byte[] message) throws UpstreamException {
    State s = ready();
    UpstreamReply reply;
    try {
      reply = exchange(s, message);
    } catch (SessionExpired e) {
      reply = exchange(reinitialize(s), message);
    }
    reply.close();
  }

  @Override
  public ObjectNode initializeResult() throws UpstreamException {
    return ready().result();
  }

  @Override
  public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
      throws UpstreamException {
    State s = ready();
    byte[] body = request(method, params);
    try (UpstreamReply reply = sendOrRetry(s, body)) {
      return ReplyReader.response(config.id(), reply, notifications, this::answerRefusal);
    }
  }

  private UpstreamReply sendOrRetry(State s, byte[] body) throws UpstreamException {
    try {
      return exchange(s, body);
    } catch (SessionExpired e) {
      return exchange(reinitialize(s), body);
    }
  }

  @Override
  public void listen(Consumer<ObjectNode> listener, Runnable resumed) {
    Thread.ofVirtual()
        .name("upstream-listen-" + config.id())
        .start(() -> new EventStreamListener(this, config.id(), listener, resumed).run());
  }

  /** Opens the standalone GET stream; null when the server offers none (405). */
  UpstreamReply openEventStream() throws UpstreamException {
    State s = ready();
    // A quiet stream is normal: it lives as long as the session, and idles out only after a long
    // silence (the listener then reopens it).
    Request req =
        base(s, HttpMethod.GET)
            .timeout(0, TimeUnit.MILLISECONDS)
            .idleTimeout(
                Math.max(STREAM_IDLE.toMillis(), config.timeout().toMillis()),
                TimeUnit.MILLISECONDS);
    req.headers(h -> h.put(HttpHeader.ACCEPT, "text/event-stream"));
    InputStreamResponseListener listener = new InputStreamResponseListener();
    req.send(listener);
    Response response = await(listener);
    if (response.getStatus() != 200) {
      close(listener);
      return null;
    }
    return new UpstreamReply(
        UpstreamReply.Framing.SSE,
        listener.getInputStream(),
        () -> response.abort(new IOException("closed")));
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
    State s = state;
    if (s != null && s.sessionId() != null) {
      try {
        base(s, HttpMethod.DELETE).timeout(2, TimeUnit.SECONDS).send();
      } catch (Exception e) {
        log.debug("upstream {} session end not acknowledged: {}", config.id(), e.toString());
      }
    }
  }

  /**
   * A server-to-client request this session cannot relay is refused, so the upstream never hangs.
   */
  void answerRefusal(ObjectNode serverRequest) {
    ObjectNode err = JsonNodeFactory.instance.objectNode();
    err.put("code", -32601);
    err.put("message", "Warden does not relay " + serverRequest.path("method").asText() + " here");
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", serverRequest.get("id"));
    response.set("error", err);
    try {
      post(JsonRpcCodec.bytes(response));
    } catch (UpstreamException e) {
      log.debug("refusal to {} not delivered: {}", config.id(), e.getMessage());
    }
  }

  private State ready() throws UpstreamException {
    State s = state;
    if (s != null) {
      return s;
    }
    if (closed) {
      throw new UpstreamException(config.id(), Kind.SESSION_EXPIRED, "session is closed");
    }
    initLock.lock();
    try {
      if (state == null) {
        state = initialize();
      }
      return state;
    } finally {
      initLock.unlock();
    }
  }

  private State reinitialize(State expired) throws UpstreamException {
    initLock.lock();
    try {
      if (state == expired) {
        state = initialize();
      }
      return state;
    } finally {
      initLock.unlock();
    }
  }

  private State initialize() throws UpstreamException {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("protocolVersion", ProtocolVersions.LATEST);
    params.set("capabilities", client.capabilities().deepCopy());
    ObjectNode info = params.putObject("clientInfo");
    info.put("name", "warden");
    info.put("version", clientVersion);
    State pre = new State(null, null, null);
    InputStreamResponseListener listener = new InputStreamResponseListener();
    Request req = base(pre, HttpMethod.POST);
    req.body(new BytesRequestContent(JSON, request("initialize", params)));
    req.send(listener);
    Response response = await(listener);
    UpstreamReply reply = toReply(response, listener, false);
    ObjectNode message = ReplyReader.response(config.id(), reply, n -> {}, n -> {});
    if (message.has("error")) {
      throw new UpstreamException(
          config.id(),
          Kind.PROTOCOL,
          "refused initialize: " + message.path("error").path("message").asText());
    }
    ObjectNode result = message.path("result") instanceof ObjectNode r ? r : null;
    if (result == null) {
      throw new UpstreamException(config.id(), Kind.PROTOCOL, "sent no initialize result");
    }
    String version = result.path("protocolVersion").asText(ProtocolVersions.LATEST);
    State s = new State(response.getHeaders().get("Mcp-Session-Id"), version, result);
    byte[] initialized =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange(s, initialized).close();
    client
        .logLevel()
        .get()
        .filter(l -> result.has("capabilities") && result.path("capabilities").has("logging"))
        .ifPresent(l -> setLevel(s, l));
    return s;
  }

  /** Starts a new session at the level the client asked for; a refusal only loses log detail. */
  private void setLevel(State s, String level) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("level", level);
    try (UpstreamReply reply = exchange(s, request("logging/setLevel", params))) {
      ReplyReader.response(config.id(), reply, n -> {}, this::answerRefusal);
    } catch (UpstreamException e) {
      log.debug("upstream {} did not take the log level: {}", config.id(), e.getMessage());
    }
  }

  private UpstreamReply exchange(State s, byte[] body) throws UpstreamException {
    InputStreamResponseListener listener = new InputStreamResponseListener();
    Request req = base(s, HttpMethod.POST);
    req.body(new BytesRequestContent(JSON, body));
    req.send(listener);
    Response response = await(listener);
    if (response.getStatus() == 404 && s.sessionId() != null) {
      close(listener);
      throw new SessionExpired(config.id());
    }
    return toReply(response, listener, true);
  }

  private UpstreamReply toReply(
      Response response, InputStreamResponseListener listener, boolean allowAccepted)
      throws UpstreamException {
    int status = response.getStatus();
    String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    Runnable abort = () -> response.abort(new IOException("closed by gateway"));
    InputStream body = listener.getInputStream();
    if (status == 202 && allowAccepted) {
      return new UpstreamReply(UpstreamReply.Framing.JSON, InputStream.nullInputStream(), abort);
    }
    if (type != null && type.startsWith("text/event-stream") && status == 200) {
      return new UpstreamReply(UpstreamReply.Framing.SSE, body, abort);
    }
    if (type != null && type.startsWith(JSON) && (status == 200 || status >= 400)) {
      // An error status with a JSON-RPC body is the upstream's answer; the reader checks the shape.
      return new UpstreamReply(UpstreamReply.Framing.JSON, body, abort);
    }
    close(listener);
    abort.run();
    throw new UpstreamException(config.id(), Kind.HTTP_STATUS, "answered HTTP " + status);
  }

  private Request base(State s, HttpMethod method) {
    Request req =
        http.newRequest(config.url())
            .method(method)
            .timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .idleTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    req.headers(
        h -> {
          h.put(HttpHeader.ACCEPT, ACCEPT);
          for (Map.Entry<String, Secret> e : config.headers().entrySet()) {
            h.put(e.getKey(), e.getValue().reveal());
          }
          if (s.sessionId() != null) {
            h.put("Mcp-Session-Id", s.sessionId());
          }
          if (s.protocolVersion() != null) {
            h.put("MCP-Protocol-Version", s.protocolVersion());
          }
          CallHeaders.forEach(h::put);
        });
    return req;
  }

  private Response await(InputStreamResponseListener listener) throws UpstreamException {
    try {
      return listener.get(
          config.timeout().toMillis() + config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UpstreamException(
          config.id(), Kind.TIMEOUT, "did not answer within " + config.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(config.id(), Kind.UNREACHABLE, "call interrupted");
    } catch (Exception e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      Kind kind = c instanceof TimeoutException ? Kind.TIMEOUT : Kind.UNREACHABLE;
      throw new UpstreamException(
          config.id(), kind, "is unreachable (" + c.getClass().getSimpleName() + ")");
    }
  }

  private static void close(InputStreamResponseListener listener) {
    try {
      listener.getInputStream().close();
    } catch (IOException ignored) {
      // already failed; nothing left to release
    }
  }

  private static byte[] request(String method, JsonNode params) {
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", "warden-" + IDS.incrementAndGet());
    req.put("method", method);
    if (params != null) {
      req.set("params", params);
    }
    return JsonRpcCodec.bytes(req);
  }

  /** The upstream answered 404 to a request carrying our session id. */
  private static final class SessionExpired extends UpstreamException {
    SessionExpired(String server) {
      super(server, Kind.SESSION_EXPIRED, "session expired");
    }
  }
}
