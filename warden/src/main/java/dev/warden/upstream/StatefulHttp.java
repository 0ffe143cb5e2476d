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
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a session with a Streamable HTTP upstream of the stateful era: one request with
 * the session's headers (its id and protocol version), the server's configured ones and the call's,
 * and the answer turned into a reply; and the handshake that opens a session.
 */
final class StatefulHttp {
  static final String JSON = "application/json";
  static final String ACCEPT = "application/json, text/event-stream";
  private static final Logger log = LoggerFactory.getLogger(StatefulHttp.class);
  private static final AtomicLong IDS = new AtomicLong();

  /** What initialize established. {@code sessionId} is null for servers without sessions. */
  record State(String sessionId, String protocolVersion, ObjectNode result) {}

  private final ServerConfig config;
  private final Http1Client http;

  StatefulHttp(ServerConfig config, Http1Client http) {
    this.config = config;
    this.http = http;
  }

  /** A gateway-owned JSON-RPC request under an id of Warden's. */
  static byte[] request(String method, JsonNode params) {
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", "warden-" + IDS.incrementAndGet());
    req.put("method", method);
    if (params != null) {
      req.set("params", params);
    }
    return JsonRpcCodec.bytes(req);
  }

  /**
   * Opens a session: {@code initialize} declaring {@code client}'s capabilities, then {@code
   * notifications/initialized}, then the log level the client asked for where the server offers
   * {@code logging}. {@code refuse} answers the requests the server sends meanwhile.
   */
  State initialize(ClientProfile client, String clientVersion, Consumer<ObjectNode> refuse)
      throws UpstreamException {
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
            .getBytes(StandardCharsets.UTF_8);
    post(s, initialized).close();
    client
        .logLevel()
        .get()
        .filter(l -> result.has("capabilities") && result.path("capabilities").has("logging"))
        .ifPresent(l -> setLevel(s, l, refuse));
    return s;
  }

  /** Starts a new session at the level the client asked for; a refusal only loses log detail. */
  private void setLevel(State s, String level, Consumer<ObjectNode> refuse) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("level", level);
    try (UpstreamReply reply = post(s, request("logging/setLevel", params))) {
      ReplyReader.response(config.id(), reply, n -> {}, refuse);
    } catch (UpstreamException e) {
      log.debug("upstream {} did not take the log level: {}", config.id(), e.getMessage());
    }
  }

  private UpstreamReply post(State s, byte[] body) throws UpstreamException {
    return toReply(send(s, "POST", body, ACCEPT, config.timeout()), true);
  }

  /** The answer to a POST as a reply: a 202, a JSON body or an event stream. */
  UpstreamReply toReply(Http1Answer answer, boolean allowAccepted) throws UpstreamException {
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
  Http1Answer send(State s, String method, byte[] body, String accept, Duration readTimeout)
      throws UpstreamException {
    return send(s, method, body, accept, readTimeout, null);
  }

  /** As above; {@code sent} runs once the request is out. */
  Http1Answer send(
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
}
