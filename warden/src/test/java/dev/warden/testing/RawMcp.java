package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks Streamable HTTP to a persona endpoint by hand, so tests control every header and byte. It
 * keeps a transcript of every response it received, for tests that must prove what never came back.
 */
public final class RawMcp {
  public static final String ACCEPT = "application/json, text/event-stream";
  public static final String VERSION = "2025-11-25";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String key;
  private final AtomicInteger ids = new AtomicInteger();
  private final List<Reply> transcript = new CopyOnWriteArrayList<>();

  /** {@code key} is the agent key sent as a bearer credential; null sends none. */
  public RawMcp(URI endpoint, String key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  /** One HTTP response, body read whole. */
  public record Reply(int status, HttpHeaders headers, String body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    /** Every JSON-RPC message in the body: the JSON body itself, or each SSE data event. */
    public List<JsonNode> messages() {
      String type = contentType();
      if (type != null && type.startsWith("text/event-stream")) {
        return SseText.messages(body);
      }
      return body.isEmpty() ? List.of() : List.of(parse(body));
    }

    /** The JSON-RPC response (result or error) in the body. */
    public JsonNode response() {
      return messages().stream()
          .filter(m -> m.has("result") || m.has("error"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no JSON-RPC response in: " + body));
    }

    /** The JSON-RPC error code of the response, or 0 when it is a result. */
    public int errorCode() {
      return response().path("error").path("code").asInt(0);
    }

    public String errorMessage() {
      return response().path("error").path("message").asText("");
    }

    public JsonNode result() {
      return response().path("result");
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public HttpClient http() {
    return http;
  }

  /** Every response this client received, in order. */
  public List<Reply> transcript() {
    return List.copyOf(transcript);
  }

  /** The headers a well-behaved client sends on a POST; callers may change or drop any. */
  public Map<String, String> headers(String sessionId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Accept", ACCEPT);
    if (key != null) {
      h.put("Authorization", "Bearer " + key);
    }
    h.put("MCP-Protocol-Version", VERSION);
    if (sessionId != null) {
      h.put("Mcp-Session-Id", sessionId);
    }
    return h;
  }

  /** Opens a session: initialize, then notifications/initialized; returns the session id. */
  public String initialize() {
    return initialize(VERSION);
  }

  public String initialize(String protocolVersion) {
    Reply init = initializeReply(protocolVersion);
    if (init.status() != 200 || init.header("Mcp-Session-Id") == null) {
      throw new AssertionError("initialize failed: " + init.status() + " " + init.body());
    }
    String session = init.header("Mcp-Session-Id");
    Reply ack = post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (ack.status() != 202) {
      throw new AssertionError("notifications/initialized: " + ack.status() + " " + ack.body());
    }
    return session;
  }

  public Reply initializeReply(String protocolVersion) {
    Map<String, String> h = headers(null);
    h.remove("MCP-Protocol-Version");
    return post(
        h,
        request(
            "initialize",
            "{\"protocolVersion\":\""
                + protocolVersion
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}"));
  }

  /** A JSON-RPC request body with a fresh numeric id. */
  public String request(String method, String paramsJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + ids.incrementAndGet()
        + ",\"method\":\""
        + method
        + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson)
        + "}";
  }

  public Reply call(String sessionId, String method, String paramsJson) {
    return post(sessionId, request(method, paramsJson));
  }

  public Reply callTool(String sessionId, String tool, Map<String, ?> arguments) {
    ObjectNode params = JSON.createObjectNode();
    params.put("name", tool);
    params.set("arguments", JSON.valueToTree(arguments));
    return call(sessionId, "tools/call", params.toString());
  }

  public Reply post(String sessionId, String body) {
    return post(headers(sessionId), body);
  }

  public Reply post(Map<String, String> headers, String body) {
    return send("POST", headers, HttpRequest.BodyPublishers.ofString(body));
  }

  public Reply send(String method, Map<String, String> headers, HttpRequest.BodyPublisher body) {
    return send(method, endpoint, headers, body);
  }

  public Reply send(
      String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, body);
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Reply reply = new Reply(r.statusCode(), r.headers(), r.body());
      transcript.add(reply);
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET or DELETE on the endpoint with a session; no body. */
  public Reply bodiless(String method, String sessionId) {
    Map<String, String> h = headers(sessionId);
    h.remove("Content-Type");
    return send(method, h, HttpRequest.BodyPublishers.noBody());
  }

  /**
   * Opens the session's standalone event stream (GET) and reads it on a background thread. Blocks
   * until the response headers arrive.
   */
  public EventStream openStream(String sessionId) {
    Map<String, String> h = headers(sessionId);
    h.remove("Content-Type");
    h.put("Accept", "text/event-stream");
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).GET();
    h.forEach(b::header);
    try {
      return new EventStream(http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code requestHead} (request line and headers, CRLF-separated, without the blank line)
   * and {@code body} over a plain socket, for headers java.net.http will not send (Host). Returns
   * the status code.
   */
  public static int overSocket(URI server, String requestHead, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        requestHead + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
    try (Socket s = new Socket(server.getHost(), server.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      String[] parts = line.toString().split(" ");
      return Integer.parseInt(parts[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
