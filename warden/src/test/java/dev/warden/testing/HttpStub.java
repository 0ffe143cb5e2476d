package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A tiny HTTP server on 127.0.0.1 that answers every request with whatever its script says: an
 * upstream that misbehaves on purpose (not JSON, broken JSON, wrong status).
 */
public final class HttpStub implements AutoCloseable {
  /** What arrived: method, headers (names in lower case) and the body. */
  public record Received(String method, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to answer; {@code headers} alternate names and values. */
  public record Answer(int status, String contentType, String body, List<String> headers) {
    public Answer(int status, String contentType, String body) {
      this(status, contentType, body, List.of());
    }
  }

  public static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server server = new Server();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private HttpStub(Function<Received, Answer> script) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpField f : request.getHeaders()) {
              headers.merge(
                  f.getName().toLowerCase(Locale.ROOT), f.getValue(), (a, b) -> a + ", " + b);
            }
            Received r = new Received(request.getMethod(), headers, body);
            received.add(r);
            Answer a = script.apply(r);
            response.setStatus(a.status());
            if (a.contentType() != null) {
              response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
            }
            for (int i = 0; i + 1 < a.headers().size(); i += 2) {
              response.getHeaders().put(a.headers().get(i), a.headers().get(i + 1));
            }
            Content.Sink.write(response, true, a.body(), callback);
            return true;
          }
        });
    server.start();
  }

  public static HttpStub start(Function<Received, Answer> script) throws Exception {
    return new HttpStub(script);
  }

  /**
   * A stub that speaks just enough MCP (2025-06-18, JSON replies) to be initialized and listed;
   * what each tool's call answers is scripted, given the request id and what arrived.
   */
  public static HttpStub mcp(Map<String, BiFunction<JsonNode, Received, Answer>> tools)
      throws Exception {
    Map<String, BiFunction<JsonNode, Received, Answer>> script = new LinkedHashMap<>(tools);
    return new HttpStub(r -> answerMcp(script, r));
  }

  /** A JSON-RPC result for {@code id}; {@code resultJson} is the result object's JSON. */
  public static Answer result(JsonNode id, String resultJson) {
    return new Answer(
        200, JSON_TYPE, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + resultJson + "}");
  }

  private static Answer answerMcp(
      Map<String, BiFunction<JsonNode, Received, Answer>> tools, Received r) {
    if (!r.method().equals("POST")) {
      return new Answer(r.method().equals("DELETE") ? 200 : 405, null, "");
    }
    return request(r, (message, id) -> answerMcp(tools, r, message, id));
  }

  /**
   * The JSON-RPC message in {@code r}'s body, answered by {@code requests} (given the message and
   * its id) when it is a request: a body that is not JSON gets 400, a notification 202.
   */
  public static Answer request(Received r, BiFunction<JsonNode, JsonNode, Answer> requests) {
    JsonNode message;
    try {
      message = JSON.readTree(r.body());
    } catch (IOException e) {
      return new Answer(400, "text/plain", "bad request");
    }
    JsonNode id = message.get("id");
    return id == null ? new Answer(202, null, "") : requests.apply(message, id);
  }

  private static Answer answerMcp(
      Map<String, BiFunction<JsonNode, Received, Answer>> tools,
      Received r,
      JsonNode message,
      JsonNode id) {
    return switch (message.path("method").asText()) {
      case "initialize" -> {
        Answer a =
            result(
                id,
                "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"stub\",\"version\":\"1\"}}");
        yield new Answer(a.status(), a.contentType(), a.body(), List.of("Mcp-Session-Id", "stub"));
      }
      case "tools/list" -> {
        ArrayNode list = JSON.createArrayNode();
        for (String name : tools.keySet()) {
          list.addObject().put("name", name).putObject("inputSchema").put("type", "object");
        }
        yield result(id, "{\"tools\":" + list + "}");
      }
      case "tools/call" -> {
        BiFunction<JsonNode, Received, Answer> tool =
            tools.get(message.path("params").path("name").asText());
        yield tool == null
            ? new Answer(200, JSON_TYPE, error(id, -32602, "Unknown tool"))
            : tool.apply(id, r);
      }
      default -> new Answer(200, JSON_TYPE, error(id, -32601, "Method not found"));
    };
  }

  /** A JSON-RPC error response's body. */
  public static String error(JsonNode id, int code, String message) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"error\":{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\"}}";
  }

  /** An MCP URL on a loopback port nobody listens on: connecting is refused at once. */
  public static URI nobodyListening() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/mcp");
    }
  }

  public URI url() {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/mcp");
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
