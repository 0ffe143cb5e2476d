package dev.warden.edge;

import dev.warden.config.Limits;
import dev.warden.edge.http.HttpHandler;
import dev.warden.edge.http.HttpRequest;
import dev.warden.edge.http.HttpResponse;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.TransportMethods;
import dev.warden.net.EventLoop;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.ExchangeIds;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The agent-facing Streamable HTTP endpoint, {@code /personas/{persona}/mcp}. It checks the HTTP
 * envelope (origin, method, media types, size), decodes the message once, runs the pipeline and
 * writes what it answers. Policy lives in the stages, not here.
 */
public final class McpEndpoint implements HttpHandler {
  /** Bodies larger than this are parsed off the event loop: about a millisecond of parsing. */
  static final int OFF_LOOP_BYTES = 256 * 1024;

  private final Pipeline pipeline;
  private final OriginGuard origins;
  private final Limits limits;
  private final JsonRpcCodec codec;
  private final ReplyWriter writer;
  private final SlowAnswers slow;

  public McpEndpoint(Pipeline pipeline, OriginGuard origins, Limits limits) {
    this.pipeline = pipeline;
    this.origins = origins;
    this.limits = limits;
    this.codec = new JsonRpcCodec(limits.maxJsonDepth());
    Duration period = limits.streamKeepAlive();
    CallKeepAlive keepAlive = new CallKeepAlive(period);
    this.writer = new ReplyWriter(new EventStreams(period), new ListenStreams(period), keepAlive);
    this.slow = new SlowAnswers(keepAlive);
  }

  @Override
  public void handle(HttpRequest request, HttpResponse response) throws IOException {
    String path = request.path();
    String refused = origins.check(request.header("Origin"), request.header("Host"));
    if (refused != null) {
      plainError(response, 403, refused);
      return;
    }
    String persona = persona(path, 0);
    if (persona != null) {
      endpoint(request, response, persona);
      return;
    }
    String described =
        path.startsWith(ProtectedResource.WELL_KNOWN)
            ? persona(path, ProtectedResource.WELL_KNOWN.length())
            : null;
    if (described != null && request.method().equals("GET")) {
      ReplyWriter.json(response, 200, ProtectedResource.document(request, described));
    } else {
      plainError(response, 404, "No MCP endpoint at this path; use /personas/{persona}/mcp");
    }
  }

  /**
   * The persona of an endpoint path {@code /personas/{persona}/mcp} (a trailing slash allowed)
   * starting at {@code from} in {@code path}, or null; a persona name is 1–64 of {@code [a-z0-9-]},
   * starting with a letter or digit.
   */
  static String persona(String path, int from) {
    if (!path.startsWith(PERSONAS, from)) {
      return null;
    }
    int start = from + PERSONAS.length();
    int end = start;
    while (end < path.length() && end - start < 64 && nameChar(path.charAt(end))) {
      end++;
    }
    if (end == start || path.charAt(start) == '-') {
      return null;
    }
    int rest = path.length() - end;
    boolean mcp = path.startsWith("/mcp", end) && (rest == 4 || (rest == 5 && path.endsWith("/")));
    return mcp ? path.substring(start, end) : null;
  }

  private static final String PERSONAS = "/personas/";

  private static boolean nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private void endpoint(HttpRequest request, HttpResponse response, String persona)
      throws IOException {
    String method = request.method();
    if (method.equals("POST")) {
      post(request, response, persona);
    } else if (ProtocolVersions.isStateless(request.header(SessionStage.VERSION_HEADER))) {
      response.header("Allow", "POST");
      plainError(response, 405, "Protocol 2026-07-28 has no GET stream or session to end");
    } else if (method.equals("GET")) {
      if (!accepts(request, ReplyWriter.EVENT_STREAM)) {
        plainError(response, 406, "GET needs Accept: text/event-stream");
        return;
      }
      run(request, response, transport(TransportMethods.OPEN_STREAM, persona, request));
    } else if (method.equals("DELETE")) {
      run(request, response, transport(TransportMethods.END_SESSION, persona, request));
    } else {
      response.header("Allow", "GET, POST, DELETE");
      plainError(response, 405, "Method not allowed");
    }
  }

  private void post(HttpRequest request, HttpResponse response, String persona) throws IOException {
    String type = request.header("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(ReplyWriter.JSON)) {
      plainError(response, 415, "Content-Type must be application/json");
      return;
    }
    if (!accepts(request, ReplyWriter.JSON) || !accepts(request, ReplyWriter.EVENT_STREAM)) {
      plainError(response, 406, "Accept must list application/json and text/event-stream");
      return;
    }
    byte[] body = request.readBody(limits.maxBodyBytes());
    if (body == null) {
      plainError(response, 413, "Body larger than " + limits.maxBodyBytes() + " bytes");
      return;
    }
    switch (decode(body)) {
      case JsonRpcCodec.Bad bad ->
          ReplyWriter.json(response, 400, JsonRpcCodec.error(bad.id(), bad.error()));
      case JsonRpcCodec.Ok ok -> {
        Exchange exchange = exchange(persona, ok.message(), request, body.length);
        if (Era2026.claims(request.header(SessionStage.VERSION_HEADER), ok.message())) {
          exchange.era(ProtocolEra.STATELESS);
        }
        run(request, response, exchange);
      }
    }
  }

  /**
   * A body over {@link #OFF_LOOP_BYTES} is parsed off the event loop (its thread parks meanwhile),
   * so a multi-megabyte request does not hold up the loop's other connections (ADR 0007).
   */
  private JsonRpcCodec.Decoded decode(byte[] body) {
    return body.length > OFF_LOOP_BYTES
        ? EventLoop.offloaded(() -> codec.decode(body))
        : codec.decode(body);
  }

  private void run(HttpRequest request, HttpResponse response, Exchange exchange)
      throws IOException {
    Reply reply = slow.run(pipeline, exchange, response);
    long written = 0;
    try {
      written = writer.write(request, response, exchange, reply);
    } finally {
      exchange.complete(response.status(), written);
    }
  }

  private Exchange exchange(String persona, McpMessage message, HttpRequest request, long bytesIn) {
    return new Exchange(
        ExchangeIds.next(),
        persona,
        message,
        new RequestHeaders(request),
        request.remoteAddress(),
        bytesIn);
  }

  /** The request's headers as the pipeline reads them. */
  private record RequestHeaders(HttpRequest request) implements Exchange.Headers {
    @Override
    public String get(String name) {
      return request.header(name);
    }

    @Override
    public Map<String, String> startingWith(String prefix) {
      return request.headersStartingWith(prefix);
    }
  }

  private Exchange transport(String method, String persona, HttpRequest request) {
    McpMessage m = new McpMessage(McpMessage.Kind.NOTIFICATION, null, method, null, null);
    return exchange(persona, m, request, 0);
  }

  /** Whether an Accept entry starts with the media type, the any-type wildcard or its type's. */
  private static boolean accepts(HttpRequest request, String mediaType) {
    int slash = mediaType.indexOf('/') + 1;
    for (String field : request.headers("Accept")) {
      int start = 0;
      while (start <= field.length()) {
        int comma = field.indexOf(',', start);
        int end = comma < 0 ? field.length() : comma;
        while (start < end && Character.isWhitespace(field.charAt(start))) {
          start++;
        }
        if (startsWith(field, start, end, mediaType, mediaType.length())
            || startsWith(field, start, end, "*/*", 3)
            || (startsWith(field, start, end, mediaType, slash)
                && start + slash < end
                && field.charAt(start + slash) == '*')) {
          return true;
        }
        start = end + 1;
      }
    }
    return false;
  }

  /** Whether {@code field[start, end)} begins with the first {@code n} chars of {@code prefix}. */
  private static boolean startsWith(String field, int start, int end, String prefix, int n) {
    return end - start >= n && field.regionMatches(true, start, prefix, 0, n);
  }

  private static void plainError(HttpResponse response, int status, String message)
      throws IOException {
    ReplyWriter.json(
        response,
        status,
        JsonRpcCodec.error(null, new JsonRpcError(JsonRpcError.INVALID_REQUEST, message)));
  }
}
