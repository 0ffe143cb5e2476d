package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.CallHeaders;
import dev.warden.mcp.CallStop;
import dev.warden.mcp.ClientProfile;
import dev.warden.mcp.HeaderValues;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * A "session" with an upstream that speaks the stateless era (2026-07-28): there is no initialize
 * and no Mcp-Session-Id. Every request carries the protocol version, the client's capabilities and
 * Warden's client info in {@code _meta}, and mirrors its method and target in headers; capabilities
 * come from {@code server/discover}. To the rest of the gateway it looks like a stateful session:
 * results lose the members only the stateless era has, and an {@code input_required} result becomes
 * requests to the client (see {@link InputRounds}) whose answers arrive through {@link #post}.
 */
final class StatelessHttpSession implements UpstreamSession {
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  private static final String JSON = "application/json";
  private static final String ACCEPT = "application/json, text/event-stream";
  private static final AtomicLong IDS = new AtomicLong();

  private final ServerConfig config;
  private final HttpClient http;
  private final String clientVersion;
  private final ClientProfile client;
  private final Consumer<StatelessHttpSession> onClose;

  /** Requests of an input_required result waiting for the client's answer, by the id it got. */
  private final Map<String, CompletableFuture<ObjectNode>> awaiting = new ConcurrentHashMap<>();

  /** Resource listen streams open on this session, closed with it. */
  private final Set<ResourceListen> resourceListens = ConcurrentHashMap.newKeySet();

  private volatile ObjectNode discovered;
  private volatile boolean closed;

  StatelessHttpSession(
      ServerConfig config,
      HttpClient http,
      String clientVersion,
      ClientProfile client,
      ObjectNode discovered,
      Consumer<StatelessHttpSession> onClose) {
    this.config = config;
    this.http = http;
    this.clientVersion = clientVersion;
    this.client = client;
    this.discovered = discovered;
    this.onClose = onClose;
  }

  String server() {
    return config.id();
  }

  @Override
  public UpstreamReply send(byte[] request) throws UpstreamException {
    ObjectNode message = parse(request);
    ObjectNode stamped = stamp(message);
    UpstreamReply reply = exchange(stamped);
    return InputRounds.adapt(this, stamped, reply);
  }

  /**
   * A client notification has no place in this era over HTTP (closing the reply stream cancels a
   * call), so it is dropped; a response answers a request of an input_required result.
   */
  @Override
  public void post(byte[] message) throws UpstreamException {
    ObjectNode m = parse(message);
    JsonNode id = m.get("id");
    if (id == null || m.has("method")) {
      return;
    }
    CompletableFuture<ObjectNode> waiting = id.isTextual() ? awaiting.remove(id.asText()) : null;
    if (waiting != null) {
      waiting.complete(m);
    }
  }

  /** Registers a request id of an input_required round; the future completes with the answer. */
  CompletableFuture<ObjectNode> await(String id) {
    CompletableFuture<ObjectNode> f = new CompletableFuture<>();
    awaiting.put(id, f);
    return f;
  }

  void forget(String id) {
    awaiting.remove(id);
  }

  @Override
  public ObjectNode initializeResult() throws UpstreamException {
    ObjectNode d = discovered;
    if (d == null) {
      d = discover(config, http, clientVersion);
      discovered = d;
    }
    return d;
  }

  @Override
  public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
      throws UpstreamException {
    ObjectNode stamped = stamp(request(method, params));
    try (UpstreamReply reply = InputRounds.adapt(this, stamped, exchange(stamped))) {
      return ReplyReader.response(config.id(), reply, notifications, n -> {});
    }
  }

  @Override
  public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
    CompletableFuture<Boolean> opened =
        new CompletableFuture<Boolean>()
            .completeOnTimeout(false, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    VirtualThreads.builder()
        .name("upstream-listen-" + config.id())
        .start(() -> new ListenSubscription(this, listener, resumed, opened).run());
    return opened;
  }

  /** A {@code subscriptions/listen} of its own for {@code uris}, as this era subscribes. */
  @Override
  public Optional<ResourceSubscription> subscribeResources(
      List<String> uris, ResourceSubscription.Listener listener) throws UpstreamException {
    if (closed) {
      throw new UpstreamException(config.id(), Kind.SESSION_EXPIRED, "session is closed");
    }
    ResourceListen listen =
        ResourceListen.open(this, uris, listener, config.timeout(), config.connectTimeout());
    resourceListens.add(listen);
    if (closed || listen.isClosed()) {
      listen.close(); // none acknowledged, or the session closed meanwhile
    }
    return Optional.of(listen);
  }

  void forget(ResourceListen listen) {
    resourceListens.remove(listen);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    List.copyOf(resourceListens).forEach(ResourceListen::close);
    awaiting.values().forEach(f -> f.cancel(false));
    awaiting.clear();
    onClose.accept(this);
  }

  /** The discover result as initialize would have described the server. */
  static ObjectNode discover(ServerConfig config, HttpClient http, String clientVersion)
      throws UpstreamException {
    Discovery d = probe(config, http, clientVersion);
    if (d.result() == null) {
      throw new UpstreamException(
          config.id(), Kind.PROTOCOL, "does not speak protocol 2026-07-28: " + d.why());
    }
    return d.result();
  }

  /**
   * What {@code server/discover} with the stateless era's headers tells: the server as initialize
   * would describe it, or (result null) why the server is of the stateful era. A recognized error
   * of the stateless era that rules the era out is an exception, not a fallback.
   */
  record Discovery(ObjectNode result, String why) {}

  static Discovery probe(ServerConfig config, HttpClient http, String clientVersion)
      throws UpstreamException {
    StatelessHttpSession probe =
        new StatelessHttpSession(config, http, clientVersion, ClientProfile.NONE, null, s -> {});
    ObjectNode request = probe.stamp(request("server/discover", null));
    InputStreamResponseListener listener = new InputStreamResponseListener();
    probe.post(request, listener);
    Response response = probe.await(listener);
    byte[] body = readBody(response, listener);
    return Discoveries.classify(config.id(), response.getStatus(), body);
  }

  private static byte[] readBody(Response response, InputStreamResponseListener listener)
      throws UpstreamException {
    String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    try (InputStream in = listener.getInputStream()) {
      byte[] raw = in.readNBytes(ReplyReader.MAX_MESSAGE);
      if (type != null && type.startsWith("text/event-stream")) {
        return Discoveries.firstResponse(raw);
      }
      return raw;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** The request with the stateless era's {@code _meta} members added. */
  ObjectNode stamp(ObjectNode request) {
    ObjectNode out = request.deepCopy();
    ObjectNode params = out.get("params") instanceof ObjectNode p ? p : out.putObject("params");
    ObjectNode meta = params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
    meta.put(META_VERSION, ProtocolVersions.V2026_07_28);
    ObjectNode capabilities = client.capabilities().deepCopy();
    // Extensions are declared per request (the tasks extension only where the client declared it).
    if (meta.get(META_CAPABILITIES) instanceof ObjectNode asked
        && asked.get("extensions") instanceof ObjectNode extensions) {
      capabilities.set("extensions", extensions.deepCopy());
    }
    meta.set(META_CAPABILITIES, capabilities);
    ObjectNode info = meta.putObject(META_CLIENT_INFO);
    info.put("name", "warden");
    info.put("version", clientVersion);
    client.logLevel().get().ifPresent(level -> meta.put(META_LOG_LEVEL, level));
    return out;
  }

  /** POSTs a stamped request and returns its reply as it streams. */
  UpstreamReply exchange(ObjectNode stamped) throws UpstreamException {
    if (closed) {
      throw new UpstreamException(config.id(), Kind.SESSION_EXPIRED, "session is closed");
    }
    InputStreamResponseListener listener = new InputStreamResponseListener();
    post(stamped, listener);
    Response response = await(listener);
    int status = response.getStatus();
    String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    Runnable abort = () -> response.abort(new IOException("closed by gateway"));
    InputStream body = listener.getInputStream();
    if (type != null && type.startsWith("text/event-stream") && status == 200) {
      return new UpstreamReply(UpstreamReply.Framing.SSE, body, abort);
    }
    if (type != null && type.startsWith(JSON) && (status == 200 || status >= 400)) {
      return new UpstreamReply(UpstreamReply.Framing.JSON, body, abort);
    }
    try {
      body.close();
    } catch (IOException ignored) {
      // already failed
    }
    abort.run();
    throw new UpstreamException(config.id(), Kind.HTTP_STATUS, "answered HTTP " + status);
  }

  private void post(ObjectNode stamped, InputStreamResponseListener listener) {
    String method = stamped.path("method").asText();
    JsonNode params = stamped.path("params");
    String name =
        switch (method) {
          case "tools/call", "prompts/get" -> params.path("name").asText(null);
          case "resources/read" -> params.path("uri").asText(null);
          // The tasks extension routes by task id, so a replica holding the task gets the poll.
          case "tasks/get", "tasks/update", "tasks/cancel" -> params.path("taskId").asText(null);
          default -> null;
        };
    boolean longLived = method.equals("subscriptions/listen");
    Request req =
        http.newRequest(config.url())
            .method(HttpMethod.POST)
            .timeout(longLived ? 0 : config.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .idleTimeout(
                longLived
                    ? Math.max(ListenSubscription.IDLE.toMillis(), config.timeout().toMillis())
                    : config.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
    req.headers(
        h -> {
          h.put(HttpHeader.ACCEPT, ACCEPT);
          for (Map.Entry<String, Secret> e : config.headers().entrySet()) {
            h.put(e.getKey(), e.getValue().reveal());
          }
          h.put("MCP-Protocol-Version", ProtocolVersions.V2026_07_28);
          h.put("Mcp-Method", method);
          if (name != null) {
            h.put("Mcp-Name", HeaderValues.encode(name));
          }
          ParamHeaders.forEach(h::put);
          CallHeaders.forEach(h::put);
        });
    req.body(new BytesRequestContent(JSON, JsonRpcCodec.bytes(stamped)));
    if (CallStop.CURRENT.isBound()) {
      CallStop.onStop(() -> req.abort(new IOException("the client cancelled the call")));
    }
    req.send(listener);
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

  static ObjectNode request(String method, JsonNode params) {
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", "warden-" + IDS.incrementAndGet());
    req.put("method", method);
    if (params != null) {
      req.set("params", params.deepCopy());
    }
    return req;
  }

  /** Gateway-built messages: small, and always JSON objects. */
  private ObjectNode parse(byte[] message) throws UpstreamException {
    try {
      if (JsonRpcCodec.MAPPER.readTree(message) instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new UpstreamException(config.id(), Kind.PROTOCOL, "was sent a message that is not JSON");
  }
}
