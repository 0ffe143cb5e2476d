package dev.warden.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * The MCP endpoint of {@link FastUpstream}: Streamable HTTP, JSON replies only. Protocol 2025-11-25
 * with sessions, and 2026-07-28 without (a request whose {@code MCP-Protocol-Version} header says
 * so, its {@code Mcp-Method} header matching its method), so the load generator can speak either
 * era straight to it. Answers come from {@link McpAnswers}.
 */
final class UpstreamHandler extends Handler.Abstract {
  static final String PATH = "/mcp";
  private static final String SESSION_HEADER = "Mcp-Session-Id";
  private static final int MAX_BODY = 1024 * 1024;
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final HttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "POST, DELETE");

  private final McpAnswers answers;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  UpstreamHandler(McpAnswers answers) {
    this.answers = answers;
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
      return json(response, callback, 400, McpAnswers.error(NULL, -32700, "Parse error"));
    }
    if (m.isNotification() || m.isResponse()) {
      return status(response, callback, 202);
    }
    if (m.id() == null) {
      return json(response, callback, 400, McpAnswers.error(NULL, -32600, "Bad id"));
    }
    if (McpAnswers.STATELESS_VERSION.equals(request.getHeaders().get(CallRequest.VERSION_HEADER))) {
      return stateless(request, response, callback, m, bytes);
    }
    if ("initialize".equals(m.method())) {
      String session = UUID.randomUUID().toString();
      sessions.add(session);
      response.getHeaders().put(SESSION_HEADER, session);
      return json(response, callback, 200, answers.stateful(m, bytes, 0, bytes.length));
    }
    String session = request.getHeaders().get(SESSION_HEADER);
    if (session == null) {
      return json(
          response, callback, 400, McpAnswers.error(m.id(), -32600, "Mcp-Session-Id required"));
    }
    if (!sessions.contains(session)) {
      return json(response, callback, 404, McpAnswers.error(m.id(), -32001, "Session not found"));
    }
    return json(response, callback, 200, answers.stateful(m, bytes, 0, bytes.length));
  }

  private boolean stateless(
      Request request, Response response, Callback callback, RequestPeek m, byte[] bytes)
      throws IOException {
    if (!m.method().equals(request.getHeaders().get(CallRequest.METHOD_HEADER))) {
      return json(response, callback, 400, McpAnswers.error(m.id(), -32020, "Mcp-Method mismatch"));
    }
    byte[] reply = answers.stateless(m, bytes, 0, bytes.length);
    return reply == null
        ? json(response, callback, 404, McpAnswers.error(m.id(), -32601, "Method not found"))
        : json(response, callback, 200, reply);
  }

  private static final byte[] NULL = ToolReply.ascii("null");

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
}
