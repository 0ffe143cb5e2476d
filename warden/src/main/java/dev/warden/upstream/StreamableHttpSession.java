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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One session with a Streamable HTTP upstream (2025-03-26 to 2025-11-25 era). */
final class StreamableHttpSession implements UpstreamSession {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttpSession.class);
  private static final String JSON = "application/json";
  private static final String ACCEPT = "application/json, text/event-stream";
  private static final AtomicLong IDS = new AtomicLong();
  private static final Duration STREAM_IDLE = Duration.ofMinutes(10);
  private static final Duration END_TIMEOUT = Duration.ofSeconds(2);

  private final ServerConfig config;
  private final Http1Client http;
  private final String clientVersion;
  private final ClientProfile client;
  private final Consumer<StreamableHttpSession> onClose;
  private final ReentrantLock initLock = new ReentrantLock();

  /** Standalone streams open now: aborted when the session closes, which ends their readers. */
  private final Set<Http1Answer> eventStreams = ConcurrentHashMap.newKeySet();

  private volatile State state;
  private volatile boolean closed;

  /** What initialize established. {@code sessionId} is null for servers without sessions. */
  private record State(String sessionId, String protocolVersion, ObjectNode result) {}

  StreamableHttpSession(
      ServerConfig config,
      Http1Client http,
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
  public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
    CompletableFuture<Boolean> opened =
        new CompletableFuture<Boolean>()
            .completeOnTimeout(false, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    Thread.ofVirtual()
        .name("upstream-listen-" + config.id())
        .start(() -> new EventStreamListener(this, config.id(), listener, resumed, opened).run());
    return opened;
  }

  /**
   * Opens the standalone GET stream; null when the server offers none (405). {@code sent} runs once
   * the request is out: a server may hold its headers back until its first event.
   */
  UpstreamReply openEventStream(Runnable sent) throws UpstreamException {
    State s = ready();
    // A quiet stream is normal: it lives as long as the session, and idles out only after a long
    // silence (the listener then reopens it).
    Duration idle = STREAM_IDLE.compareTo(config.timeout()) > 0 ? STREAM_IDLE : config.timeout();
    Http1Answer answer = send(s, "GET", null, "text/event-stream", idle, sent);
    if (answer.status() != 200) {
      answer.abort();
      answer.close();
      return null;
    }
    eventStreams.add(answer);
    if (closed) {
      abortEventStreams(); // closed while it opened
    }
    InputStream body =
        new FilterInputStream(answer.body()) {
          @Override
          public void close() throws IOException {
            eventStreams.remove(answer);
            super.close();
          }
        };
    return new UpstreamReply(UpstreamReply.Framing.SSE, body, answer::abort);
  }

  /** Whoever removes a stream first ends it: its reader (close) or the session (abort). */
  private void abortEventStreams() {
    for (Http1Answer answer : eventStreams) {
      if (eventStreams.remove(answer)) {
        answer.abort();
      }
    }
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
    abortEventStreams();
    onClose.accept(this);
    State s = state;
    if (s != null && s.sessionId() != null) {
      try (Http1Answer answer = send(s, "DELETE", null, ACCEPT, END_TIMEOUT)) {
        answer.body().readNBytes(64 * 1024);
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
    Http1Answer response =
        send(pre, "POST", request("initialize", params), ACCEPT, config.timeout());
    UpstreamReply reply = toReply(response, false);
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
    State s = new State(response.header("Mcp-Session-Id"), version, result);
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
    Http1Answer answer = send(s, "POST", body, ACCEPT, config.timeout());
    if (answer.status() == 404 && s.sessionId() != null) {
      answer.close();
      throw new SessionExpired(config.id());
    }
    return toReply(answer, true);
  }

  private UpstreamReply toReply(Http1Answer answer, boolean allowAccepted)
      throws UpstreamException {
    int status = answer.status();
    String type = answer.header("Content-Type");
    if (status == 202 && allowAccepted) {
      answer.close();
      return new UpstreamReply(
          UpstreamReply.Framing.JSON, InputStream.nullInputStream(), answer::abort);
    }
    if (type != null && type.startsWith("text/event-stream") && status == 200) {
      return new UpstreamReply(UpstreamReply.Framing.SSE, answer.body(), answer::abort);
    }
    if (type != null && type.startsWith(JSON) && (status == 200 || status >= 400)) {
      // An error status with a JSON-RPC body is the upstream's answer; the reader checks the shape.
      return new UpstreamReply(
          UpstreamReply.Framing.JSON, answer.body(), answer::abort, declaredLength(answer));
    }
    answer.abort();
    answer.close();
    throw new UpstreamException(config.id(), Kind.HTTP_STATUS, "answered HTTP " + status);
  }

  private static long declaredLength(Http1Answer answer) {
    String length = answer.header("Content-Length");
    if (length == null || answer.header("Transfer-Encoding") != null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** One request to the upstream with the session's headers; the answer's head has been read. */
  private Http1Answer send(State s, String method, byte[] body, String accept, Duration readTimeout)
      throws UpstreamException {
    return send(s, method, body, accept, readTimeout, null);
  }

  private Http1Answer send(
      State s, String method, byte[] body, String accept, Duration readTimeout, Runnable sent)
      throws UpstreamException {
    List<Map.Entry<String, String>> headers = new ArrayList<>(8);
    headers.add(Map.entry("Accept", accept));
    if (body != null) {
      headers.add(Map.entry("Content-Type", JSON));
    }
    for (Map.Entry<String, Secret> e : config.headers().entrySet()) {
      headers.add(Map.entry(e.getKey(), e.getValue().reveal()));
    }
    if (s.sessionId() != null) {
      headers.add(Map.entry("Mcp-Session-Id", s.sessionId()));
    }
    if (s.protocolVersion() != null) {
      headers.add(Map.entry("MCP-Protocol-Version", s.protocolVersion()));
    }
    CallHeaders.forEach((k, v) -> headers.add(Map.entry(k, v)));
    try {
      return http.send(
          new Http1Client.Request(method, config.url(), headers, body),
          config.connectTimeout(),
          readTimeout,
          sent);
    } catch (SocketTimeoutException e) {
      throw new UpstreamException(
          config.id(), Kind.TIMEOUT, "did not answer within " + config.timeout());
    } catch (IOException | IllegalArgumentException e) {
      throw new UpstreamException(
          config.id(), Kind.UNREACHABLE, "is unreachable (" + e.getClass().getSimpleName() + ")");
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
