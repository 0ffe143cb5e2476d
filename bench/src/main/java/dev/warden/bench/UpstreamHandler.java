package dev.warden.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The MCP endpoint of {@link FastUpstream}: Streamable HTTP, protocol 2025-11-25, JSON replies
 * only. Replies are precomputed; a tools/call costs one streaming parse of the request and one
 * copy.
 */
final class UpstreamHandler extends Handler.Abstract {
  static final String PATH = "/mcp";
  static final String PROTOCOL_VERSION = "2025-11-25";
  private static final String SESSION_HEADER = "Mcp-Session-Id";
  private static final int MAX_BODY = 1024 * 1024;
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final HttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "POST, DELETE");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] INITIALIZE_RESULT =
      ToolReply.ascii(
          "{\"protocolVersion\":\""
              + PROTOCOL_VERSION
              + "\",\"capabilities\":{\"tools\":{\"listChanged\":false}},"
              + "\"serverInfo\":{\"name\":\"fast-upstream\",\"version\":\"1.0\"}}");

  private final Map<String, ToolReply> payloads;
  private final byte[] toolsList;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  /** {@code payloads}: tool name to the reply it gives. */
  UpstreamHandler(Map<String, ToolReply> payloads) {
    this.payloads = Map.copyOf(payloads);
    this.toolsList = toolsList(payloads.keySet());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return status(response, callback, 404);
    }
    return switch (request.getMethod()) {
      case "POST" -> post(request, response, callback);
      case "DELETE" -> {
        String id = request.getHeaders().get(SESSION_HEADER);
        yield status(response, callback, id != null && sessions.remove(id) ? 200 : 404);
      }
      default -> {
        response.getHeaders().put(ALLOW);
        yield status(response, callback, 405);
      }
    };
  }

  private boolean post(Request request, Response response, Callback callback) throws IOException {
    ByteBuffer body = Content.Source.asByteBuffer(request); // small; a virtual thread may block
    if (body.remaining() > MAX_BODY) {
      return status(response, callback, 413);
    }
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    RequestPeek m;
    try {
      m = RequestPeek.of(bytes, 0, bytes.length);
    } catch (IOException e) {
      return json(response, callback, 400, error(ToolReply.ascii("null"), -32700, "Parse error"));
    }
    if (m.isNotification() || m.isResponse()) {
      return status(response, callback, 202);
    }
    if (m.id() == null) {
      return json(response, callback, 400, error(ToolReply.ascii("null"), -32600, "Bad id"));
    }
    if ("initialize".equals(m.method())) {
      String session = UUID.randomUUID().toString();
      sessions.add(session);
      response.getHeaders().put(SESSION_HEADER, session);
      return json(response, callback, 200, result(m.id(), INITIALIZE_RESULT));
    }
    String session = request.getHeaders().get(SESSION_HEADER);
    if (session == null) {
      return json(response, callback, 400, error(m.id(), -32600, "Mcp-Session-Id required"));
    }
    if (!sessions.contains(session)) {
      return json(response, callback, 404, error(m.id(), -32001, "Session not found"));
    }
    return switch (m.method()) {
      case "tools/call" -> json(response, callback, 200, call(m, bytes));
      case "tools/list" -> json(response, callback, 200, result(m.id(), toolsList));
      case "ping" -> json(response, callback, 200, result(m.id(), ToolReply.ascii("{}")));
      default -> json(response, callback, 200, error(m.id(), -32601, "Method not found"));
    };
  }

  private byte[] call(RequestPeek m, byte[] body) throws IOException {
    ToolReply reply = m.tool() == null ? null : payloads.get(m.tool());
    if (reply != null) {
      return reply.bytes(m.id());
    }
    if ("echo".equals(m.tool())) {
      JsonNode args = MAPPER.readTree(body).path("params").path("arguments");
      return new ToolReply(args.path("text").asText(args.toString())).bytes(m.id());
    }
    return error(m.id(), -32602, "Unknown tool: " + m.tool());
  }

  private static boolean json(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static boolean status(Response response, Callback callback, int status) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    callback.succeeded();
    return true;
  }

  private static byte[] result(byte[] id, byte[] result) {
    return concat("{\"jsonrpc\":\"2.0\",\"id\":", id, ",\"result\":", result, "}");
  }

  private static byte[] error(byte[] id, int code, String message) {
    String err = MAPPER.createObjectNode().put("code", code).put("message", message).toString();
    return concat("{\"jsonrpc\":\"2.0\",\"id\":", id, ",\"error\":", ToolReply.ascii(err), "}");
  }

  private static byte[] concat(String a, byte[] id, String b, byte[] value, String c) {
    byte[] out = new byte[a.length() + id.length + b.length() + value.length + c.length()];
    ByteBuffer.wrap(out)
        .put(ToolReply.ascii(a))
        .put(id)
        .put(ToolReply.ascii(b))
        .put(value)
        .put(ToolReply.ascii(c));
    return out;
  }

  private static byte[] toolsList(Set<String> payloadTools) {
    var tools = MAPPER.createArrayNode();
    for (String name : payloadTools.stream().sorted().toList()) {
      var t = tools.addObject();
      t.put("name", name);
      t.put("description", "Returns a fixed JSON list of support tickets (" + name + ").");
      t.putObject("inputSchema").put("type", "object").putObject("properties");
      t.putObject("annotations").put("readOnlyHint", true);
    }
    var echo = tools.addObject();
    echo.put("name", "echo");
    echo.put("description", "Returns its text argument.");
    var schema = echo.putObject("inputSchema").put("type", "object");
    schema.putObject("properties").putObject("text").put("type", "string");
    schema.putArray("required").add("text");
    echo.putObject("annotations").put("readOnlyHint", true);
    var result = MAPPER.createObjectNode();
    result.set("tools", tools);
    return result.toString().getBytes(StandardCharsets.UTF_8);
  }
}
