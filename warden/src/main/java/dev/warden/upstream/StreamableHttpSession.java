package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.ClientProfile;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import dev.warden.upstream.StatefulHttp.State;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session with a Streamable HTTP upstream (2025-03-26 to 2025-11-25 era). When the server
 * forgets it (404 to a request or to the standalone GET carrying its id), it is initialized anew:
 * its resource subscriptions are renewed on the new session before anything else is sent there, and
 * its standalone streams, which belonged to the old one, are closed to be opened again.
 */
final class StreamableHttpSession implements UpstreamSession {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttpSession.class);
  private static final String ACCEPT = StatefulHttp.ACCEPT;
  private static final Duration STREAM_IDLE = Duration.ofMinutes(10);
  private static final Duration END_TIMEOUT = Duration.ofSeconds(2);

  private final ServerConfig config;
  private final StatefulHttp wire;
  private final String clientVersion;
  private final ClientProfile client;
  private final Consumer<StreamableHttpSession> onClose;
  private final ReentrantLock initLock = new ReentrantLock();
  private final ResourceHolds holds;

  /** Standalone streams open now: aborted when the session closes, which ends their readers. */
  private final Set<Http1Answer> eventStreams = ConcurrentHashMap.newKeySet();

  private volatile State state;
  private volatile boolean closed;

  StreamableHttpSession(
      ServerConfig config,
      Http1Client http,
      String clientVersion,
      ClientProfile client,
      Consumer<StreamableHttpSession> onClose) {
    this.config = config;
    this.wire = new StatefulHttp(config, http);
    this.clientVersion = clientVersion;
    this.holds = new ResourceHolds(config.id());
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
    byte[] body = StatefulHttp.request(method, params);
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

  /** Counted for the renewal: an HTTP session is this session's alone. */
  @Override
  public ObjectNode subscribeResource(String uri) throws UpstreamException {
    return holds.subscribe(this, uri, (method, params) -> call(method, params, n -> {}));
  }

  @Override
  public ObjectNode unsubscribeResource(String uri) throws UpstreamException {
    return holds.unsubscribe(this, uri, (method, params) -> call(method, params, n -> {}));
  }

  @Override
  public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
    CompletableFuture<Boolean> opened =
        new CompletableFuture<Boolean>()
            .completeOnTimeout(false, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    VirtualThreads.builder()
        .name("upstream-listen-" + config.id())
        .start(() -> new EventStreamListener(this, config.id(), listener, resumed, opened).run());
    return opened;
  }

  /**
   * Opens the standalone GET stream; null when the server offers none (405). {@code sent} runs once
   * the request is out: a server may hold its headers back until its first event. A 404 means the
   * server forgot the session: a new one is initialized, and {@link SessionExpired} thrown so the
   * listener opens the stream again on it after its pause.
   */
  UpstreamReply openEventStream(Runnable sent) throws UpstreamException {
    State s = ready();
    // A quiet stream is normal: it lives as long as the session, and idles out only after a long
    // silence (the listener then reopens it).
    Duration idle = STREAM_IDLE.compareTo(config.timeout()) > 0 ? STREAM_IDLE : config.timeout();
    Http1Answer answer = wire.send(s, "GET", null, "text/event-stream", idle, sent);
    if (answer.status() == 404 && s.sessionId() != null) {
      answer.close();
      reinitialize(s);
      throw new SessionExpired(config.id()); // the listener opens it again on the new session
    }
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
      try (Http1Answer answer = wire.send(s, "DELETE", null, ACCEPT, END_TIMEOUT)) {
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

  /**
   * The server forgot {@code expired}: a new session, with the resource subscriptions renewed on it
   * before it is used. Streams of the old one are closed; their listeners open them again.
   */
  private State reinitialize(State expired) throws UpstreamException {
    initLock.lock();
    try {
      if (state == expired) {
        State fresh = initialize();
        holds.renew((method, params) -> callOn(fresh, method, params));
        state = fresh;
        abortEventStreams();
      }
      return state;
    } finally {
      initLock.unlock();
    }
  }

  /** A gateway-owned request on {@code s} only (no second initialize). */
  private ObjectNode callOn(State s, String method, JsonNode params) throws UpstreamException {
    try (UpstreamReply reply = exchange(s, StatefulHttp.request(method, params))) {
      return ReplyReader.response(config.id(), reply, n -> {}, this::answerRefusal);
    }
  }

  private State initialize() throws UpstreamException {
    return wire.initialize(client, clientVersion, this::answerRefusal);
  }

  private UpstreamReply exchange(State s, byte[] body) throws UpstreamException {
    Http1Answer answer = wire.send(s, "POST", body, ACCEPT, config.timeout());
    if (answer.status() == 404 && s.sessionId() != null) {
      answer.close();
      throw new SessionExpired(config.id());
    }
    return wire.toReply(answer, true);
  }

  /** The upstream answered 404 to a request carrying our session id. */
  static final class SessionExpired extends UpstreamException {
    SessionExpired(String server) {
      super(server, Kind.SESSION_EXPIRED, "session expired");
    }
  }
}
