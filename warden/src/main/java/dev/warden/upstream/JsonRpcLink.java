package dev.warden.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.CallStop;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP session over a message channel where requests and responses are not paired by the
 * transport (a stdio process, a legacy SSE stream): requests of many callers share it, each under a
 * link-unique id, and each response is matched back to its caller by that id and given the caller's
 * own id again. Only the top-level id is touched; the rest of each message passes byte-for-byte.
 */
final class JsonRpcLink {
  /** Where the link writes: one whole JSON-RPC message per call. */
  interface Sink {
    void write(byte[] message) throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(JsonRpcLink.class);
  private static final ObjectMapper READER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
              .build());
  private static final byte[] PROGRESS_TOKEN = "progressToken".getBytes(StandardCharsets.US_ASCII);

  private final String server;
  private final Sink sink;
  private final Duration timeout;
  private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile Consumer<ObjectNode> notifications = n -> {};
  private volatile String failure;
  private volatile boolean served;
  private volatile ObjectNode initializeResult;

  JsonRpcLink(String server, Sink sink, Duration timeout) {
    this.server = server;
    this.sink = sink;
    this.timeout = timeout;
  }

  /** Hears the notifications no pending request claims (list changes, logs). */
  void onNotification(Consumer<ObjectNode> listener) {
    this.notifications = listener;
  }

  /** Runs the initialize handshake; the result is kept for {@link #initializeResult()}. */
  ObjectNode initialize(String clientVersion) throws UpstreamException {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("protocolVersion", ProtocolVersions.LATEST);
    params.putObject("capabilities");
    ObjectNode info = params.putObject("clientInfo");
    info.put("name", "warden");
    info.put("version", clientVersion);
    ObjectNode message = call("initialize", params);
    if (message.has("error")) {
      throw new UpstreamException(
          server,
          Kind.PROTOCOL,
          "refused initialize: " + message.path("error").path("message").asText());
    }
    if (!(message.path("result") instanceof ObjectNode result)) {
      throw new UpstreamException(server, Kind.PROTOCOL, "sent no initialize result");
    }
    post(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"
            .getBytes(StandardCharsets.UTF_8));
    served = false;
    initializeResult = result;
    return result;
  }

  ObjectNode initializeResult() {
    return initializeResult;
  }

  /** What was called so far set the session up (subscriptions renewed): it is not serving. */
  void setUpDone() {
    served = false;
  }

  /** True once a request other than initialize (and set-up) was answered. */
  boolean hasServed() {
    return served;
  }

  boolean isAlive() {
    return failure == null;
  }

  /** Why the link failed; null while it is alive. */
  String failure() {
    return failure;
  }

  /** Sends a request (the caller's own id) and returns its reply as it arrives. */
  UpstreamReply send(byte[] request) throws UpstreamException {
    MessageShape shape = MessageShape.of(request);
    if (shape == null || !shape.hasId()) {
      throw new UpstreamException(server, Kind.PROTOCOL, "was given a request without an id");
    }
    String token = progressToken(request);
    PendingCall call = register(shape.idBytes(request), token, token != null);
    if (CallStop.CURRENT.isBound()) {
      // The client left or cancelled: the waiting reader fails now, and the server is told.
      CallStop.onStop(
          () -> {
            call.fail("the client cancelled the call");
            call.close();
          });
    }
    write(shape.withId(request, idBytes(call.linkId())), call);
    boolean events = token != null;
    return new UpstreamReply(
        events ? UpstreamReply.Framing.SSE : UpstreamReply.Framing.JSON, call, call::close);
  }

  /** Sends a request built here and waits for its response message. */
  ObjectNode call(String method, JsonNode params) throws UpstreamException {
    PendingCall call = register(new byte[0], null, false);
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", call.linkId());
    req.put("method", method);
    if (params != null) {
      req.set("params", params);
    }
    write(JsonRpcCodec.bytes(req), call);
    try (call) {
      byte[] body = call.readAllBytes();
      return (ObjectNode) READER.readTree(body);
    } catch (IOException | ClassCastException e) {
      Kind kind =
          e.getCause() instanceof java.util.concurrent.TimeoutException
              ? Kind.TIMEOUT
              : Kind.UNREACHABLE;
      String what = kind == Kind.TIMEOUT ? "did not answer within " + timeout : e.getMessage();
      throw new UpstreamException(server, kind, what);
    }
  }

  /** Sends a notification or a response as it is. */
  void post(byte[] message) throws UpstreamException {
    String f = failure;
    if (f != null) {
      throw new UpstreamException(server, Kind.UNREACHABLE, f);
    }
    try {
      sink.write(message);
    } catch (IOException e) {
      throw new UpstreamException(server, Kind.UNREACHABLE, "could not be written to", e);
    }
  }

  /** One message from the upstream. */
  void receive(byte[] message) {
    MessageShape shape = MessageShape.of(message);
    if (shape == null) {
      log.debug("{} sent something that is not a JSON-RPC message", server);
    } else if (shape.isResponse() && !shape.hasMethod() && shape.hasId()) {
      PendingCall call = pending.remove(shape.idText());
      if (call == null) {
        log.debug("{} answered a request nobody waits for", server);
        return;
      }
      served = true;
      byte[] id = call.originalId();
      call.response(id.length == 0 ? message : shape.withId(message, id));
    } else if (shape.isServerRequest()) {
      answerServerRequest(message);
    } else if (shape.isNotification()) {
      notification(message);
    }
  }

  /** The channel is gone: every waiting caller gets {@code reason} now, later ones at once. */
  void fail(String reason) {
    failure = reason;
    for (PendingCall call : pending.values()) {
      pending.remove(call.linkId());
      call.fail(reason);
    }
  }

  private PendingCall register(byte[] originalId, String token, boolean events)
      throws UpstreamException {
    String f = failure;
    if (f != null) {
      throw new UpstreamException(server, Kind.UNREACHABLE, f);
    }
    String id = "warden-" + ids.incrementAndGet();
    PendingCall[] self = new PendingCall[1];
    PendingCall call =
        new PendingCall(id, originalId, token, events, timeout.toNanos(), () -> cancel(self[0]));
    self[0] = call;
    pending.put(id, call);
    if (failure != null) {
      pending.remove(id);
      throw new UpstreamException(server, Kind.UNREACHABLE, failure);
    }
    return call;
  }

  private void write(byte[] message, PendingCall call) throws UpstreamException {
    try {
      sink.write(message);
    } catch (IOException e) {
      pending.remove(call.linkId());
      String f = failure;
      throw new UpstreamException(
          server, Kind.UNREACHABLE, f != null ? f : "could not be written to", e);
    }
  }

  /** A caller gave up (timeout, client gone): the upstream is asked to stop working on it. */
  private void cancel(PendingCall call) {
    if (pending.remove(call.linkId()) == null || failure != null) {
      return;
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "notifications/cancelled");
    ObjectNode params = n.putObject("params");
    params.put("requestId", call.linkId());
    params.put("reason", "the caller stopped waiting");
    try {
      sink.write(JsonRpcCodec.bytes(n));
    } catch (IOException e) {
      log.debug("cancellation to {} not delivered: {}", server, e.toString());
    }
  }

  private void notification(byte[] message) {
    ObjectNode tree;
    try {
      tree = (ObjectNode) READER.readTree(message);
    } catch (IOException | ClassCastException e) {
      return;
    }
    JsonNode token = tree.path("params").get("progressToken");
    if (token != null && "notifications/progress".equals(tree.path("method").asText())) {
      String key = token.toString();
      for (PendingCall call : pending.values()) {
        if (key.equals(call.progressToken())) {
          call.notification(message);
          return;
        }
      }
      return;
    }
    notifications.accept(tree);
  }

  /** The gateway relays no server-to-client requests; ping is answered, the rest refused. */
  private void answerServerRequest(byte[] message) {
    try {
      ObjectNode req = (ObjectNode) READER.readTree(message);
      byte[] answer =
          "ping".equals(req.path("method").asText())
              ? JsonRpcCodec.result(req.get("id"), JsonNodeFactory.instance.objectNode())
              : JsonRpcCodec.error(
                  req.get("id"),
                  new JsonRpcError(
                      JsonRpcError.METHOD_NOT_FOUND,
                      "Warden does not relay " + req.path("method").asText()));
      sink.write(answer);
    } catch (IOException | RuntimeException e) {
      log.debug("answer to a request from {} not delivered: {}", server, e.toString());
    }
  }

  /** The request's progress token as JSON text, or null; only parsed when one may be there. */
  private static String progressToken(byte[] request) {
    if (!contains(request, PROGRESS_TOKEN)) {
      return null;
    }
    try {
      JsonNode token = READER.readTree(request).path("params").path("_meta").get("progressToken");
      return token == null || token.isNull() ? null : token.toString();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] idBytes(String id) {
    return ("\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
  }
}
