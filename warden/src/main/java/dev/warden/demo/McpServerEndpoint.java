package dev.warden.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A small MCP server over Streamable HTTP (protocol 2025-11-25, also 2025-06-18 and 2025-03-26),
 * serving a declared {@link McpServerSpec}. It answers every POST with one JSON body, never an SSE
 * stream, and offers no standalone GET stream. Handlers run on the calling thread; give the Jetty
 * server virtual threads.
 *
 * <p>The benchmark uses this class as a fast upstream, so the request path stays lean: no logging,
 * no regex, list results rendered once, results streamed straight to the response.
 */
public final class McpServerEndpoint extends Handler.Abstract {
  public static final String LATEST_PROTOCOL_VERSION = "2025-11-25";
  public static final List<String> SUPPORTED_PROTOCOL_VERSIONS =
      List.of(LATEST_PROTOCOL_VERSION, "2025-06-18", "2025-03-26");
  public static final String SESSION_HEADER = "Mcp-Session-Id";
  public static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

  /** The code the reference SDKs use for an unknown session. */
  private static final int SESSION_NOT_FOUND = -32001;

  private final McpServerSpec spec;
  private final McpMethods methods;
  private final Sessions sessions = new Sessions();

  public McpServerEndpoint(McpServerSpec spec) {
    this.spec = spec;
    this.methods = new McpMethods(spec);
  }

  public McpServerSpec spec() {
    return spec;
  }

  /** Sessions open now; a DELETE or eviction ends one. */
  public int sessionCount() {
    return sessions.size();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && !isLoopback(origin)) {
      // A browser page on another site must not reach a local server (DNS rebinding).
      closeAfterReply(response);
      error(request, response, callback, HttpStatus.FORBIDDEN_403, null, -32600, "Bad Origin");
      return true;
    }
    switch (request.getMethod()) {
      case "POST" -> post(request, response, callback);
      case "DELETE" -> delete(request, response, callback);
      default -> {
        response.getHeaders().put(HttpHeader.ALLOW, "POST, DELETE");
        empty(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      }
    }
    return true;
  }

  /**
   * Accept is not checked: every reply is application/json, which conforming clients list, and
   * refusing a sloppy one would only make the demo harder to poke at with curl.
   */
  private void post(Request request, Response response, Callback callback) {
    if (request.getLength() > Json.MAX_DOCUMENT_BYTES) {
      closeAfterReply(response);
      error(request, response, callback, 413, null, McpMethods.INVALID_REQUEST, "Body too large");
      return;
    }
    JsonNode message;
    try (InputStream in = Content.Source.asInputStream(request)) {
      message = Json.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      message = null;
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    if (message == null || message.isMissingNode()) {
      error(request, response, callback, 400, null, McpMethods.PARSE_ERROR, "Parse error");
      return;
    }
    if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").textValue())) {
      String why = message.isArray() ? "Batches are not supported" : "Invalid Request";
      error(request, response, callback, 400, null, McpMethods.INVALID_REQUEST, why);
      return;
    }
    JsonNode id = message.get("id");
    String method = message.path("method").textValue();
    if (method != null && id != null && !id.isTextual() && !id.isIntegralNumber()) {
      error(request, response, callback, 400, null, McpMethods.INVALID_REQUEST, "Invalid id");
      return;
    }
    if ("initialize".equals(method) && id != null) {
      String asked = message.path("params").path("protocolVersion").asText();
      String agreed = SUPPORTED_PROTOCOL_VERSIONS.contains(asked) ? asked : LATEST_PROTOCOL_VERSION;
      Sessions.Session session = sessions.open(agreed);
      response.getHeaders().put(SESSION_HEADER, session.id());
      reply(request, response, callback, id, methods.initialize(agreed));
      return;
    }
    if (!inSession(request, response, callback, id)) {
      return;
    }
    if (method == null || id == null) {
      // Notifications and the client's responses need no answer beyond acceptance.
      empty(response, callback, HttpStatus.ACCEPTED_202);
      return;
    }
    reply(request, response, callback, id, methods.call(method, message.path("params")));
  }

  /** Checks the session and protocol headers, answering the request itself when they fail. */
  private boolean inSession(Request request, Response response, Callback callback, JsonNode id) {
    String sessionId = request.getHeaders().get(SESSION_HEADER);
    if (sessionId == null) {
      error(request, response, callback, 400, id, -32600, "Missing Mcp-Session-Id header");
      return false;
    }
    Optional<Sessions.Session> session = sessions.find(sessionId);
    if (session.isEmpty()) {
      error(request, response, callback, 404, id, SESSION_NOT_FOUND, "Session not found");
      return false;
    }
    String version = request.getHeaders().get(PROTOCOL_VERSION_HEADER);
    if (version != null && !SUPPORTED_PROTOCOL_VERSIONS.contains(version)) {
      error(request, response, callback, 400, id, -32600, "Unsupported protocol version");
      return false;
    }
    return true;
  }

  private void delete(Request request, Response response, Callback callback) {
    String sessionId = request.getHeaders().get(SESSION_HEADER);
    if (sessionId == null) {
      error(request, response, callback, 400, null, -32600, "Missing Mcp-Session-Id header");
    } else if (sessions.close(sessionId)) {
      empty(response, callback, HttpStatus.OK_200);
    } else {
      error(request, response, callback, 404, null, SESSION_NOT_FOUND, "Session not found");
    }
  }

  private static void reply(
      Request request,
      Response response,
      Callback callback,
      JsonNode id,
      McpMethods.Outcome outcome) {
    switch (outcome) {
      case McpMethods.Success(McpMethods.ResultWriter writer) ->
          write(request, response, callback, 200, id, "result", writer);
      case McpMethods.Failure(int code, String message) ->
          error(request, response, callback, 200, id, code, message);
    }
  }

  private static void error(
      Request request,
      Response response,
      Callback callback,
      int status,
      JsonNode id,
      int code,
      String message) {
    McpMethods.ResultWriter body =
        g -> {
          g.writeStartObject();
          g.writeNumberField("code", code);
          g.writeStringField("message", message);
          g.writeEndObject();
        };
    write(request, response, callback, status, id, "error", body);
  }

  /** Streams {"jsonrpc":"2.0","id":…,member:…} straight to the response. */
  private static void write(
      Request request,
      Response response,
      Callback callback,
      int status,
      JsonNode id,
      String member,
      McpMethods.ResultWriter body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Buffered: a small reply goes out in one write with a Content-Length, a large one in chunks.
    try (OutputStream out = Response.asBufferedOutputStream(request, response);
        JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      g.writeFieldName("id");
      g.writeTree(id == null ? NullNode.instance : id);
      g.writeFieldName(member);
      body.write(g);
      g.writeEndObject();
    } catch (IOException | RuntimeException e) {
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  private static void empty(Response response, Callback callback, int status) {
    response.setStatus(status);
    response.write(true, null, callback);
  }

  /**
   * For replies sent without reading the body: Jetty will drop the connection rather than drain an
   * unread body, so tell the client not to reuse it.
   */
  private static void closeAfterReply(Response response) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
  }

  private static boolean isLoopback(String origin) {
    try {
      String host = URI.create(origin).getHost();
      return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
