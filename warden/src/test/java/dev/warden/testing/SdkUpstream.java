package dev.warden.testing;

import dev.warden.config.ServerConfig;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real upstream: an MCP Java SDK server over Streamable HTTP on 127.0.0.1, with scripted tools.
 * It records every tool call it executes and the headers of every HTTP request it receives.
 */
public final class SdkUpstream implements AutoCloseable {
  /** A tool call as the upstream executed it. */
  public record Call(String tool, Map<String, Object> arguments) {}

  /** An HTTP request as the upstream received it; header names are lower-case. */
  public record Received(String method, Map<String, String> headers) {}

  private final String name;
  private final Server server;
  private final McpSyncServer mcp;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> openStreams = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Map.Entry<String, String>> postsBySession = new CopyOnWriteArrayList<>();
  private final HttpServletStreamableServerTransportProvider transport;
  private volatile boolean updateOnSubscribe;

  private SdkUpstream(String name, Map<String, Function<Map<String, Object>, String>> tools)
      throws Exception {
    this(name, tools, List.of());
  }

  private SdkUpstream(
      String name, Map<String, Function<Map<String, Object>, String>> tools, List<String> resources)
      throws Exception {
    this.name = name;
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    this.transport = transport;
    List<SyncToolSpecification> specs = new ArrayList<>();
    tools.forEach(
        (toolName, handler) ->
            specs.add(
                new SyncToolSpecification(
                    tool(toolName),
                    (exchange, request) -> {
                      Map<String, Object> args =
                          request.arguments() == null ? Map.of() : request.arguments();
                      calls.add(new Call(request.name(), args));
                      return McpSchema.CallToolResult.builder()
                          .addTextContent(handler.apply(args))
                          .isError(false)
                          .build();
                    })));
    McpSchema.ServerCapabilities.Builder capabilities =
        McpSchema.ServerCapabilities.builder().tools(true);
    if (!resources.isEmpty()) {
      capabilities.resources(true, true);
    }
    this.mcp =
        McpServer.sync(transport)
            .serverInfo(name, "1.0.0")
            .capabilities(capabilities.build())
            .tools(specs)
            .resources(resources.stream().map(SdkUpstream::resource).toList())
            .build();
    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/mcp");
    Filter recorder =
        (req, res, chain) -> {
          HttpServletRequest http = (HttpServletRequest) req;
          Map<String, String> headers = new LinkedHashMap<>();
          for (String h : Collections.list(http.getHeaderNames())) {
            headers.put(h.toLowerCase(java.util.Locale.ROOT), http.getHeader(h));
          }
          requests.add(new Received(http.getMethod(), headers));
          if ("POST".equals(http.getMethod())) {
            byte[] body = http.getInputStream().readAllBytes();
            bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            postsBySession.add(
                Map.entry(
                    headers.getOrDefault("mcp-session-id", ""),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            chain.doFilter(new CachedBody(http, body), res);
            answered(req, headers.get("mcp-session-id"), body);
          } else {
            chain.doFilter(req, res);
            if ("GET".equals(http.getMethod()) && req.isAsyncStarted()) {
              String session = headers.getOrDefault("mcp-session-id", "");
              openStreams.merge(session, 1, Integer::sum);
              req.getAsyncContext()
                  .addListener(new StreamEnd(() -> openStreams.merge(session, -1, Integer::sum)));
            }
          }
        };
    FilterHolder filter = new FilterHolder(recorder);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
  }

  /**
   * Starts an upstream named {@code name} offering {@code tools} (name to a text-producing
   * handler).
   */
  public static SdkUpstream start(
      String name, Map<String, Function<Map<String, Object>, String>> tools) throws Exception {
    return new SdkUpstream(name, tools);
  }

  /**
   * Starts an upstream that also offers the text resources {@code uris} and takes subscriptions to
   * them ({@code resources.subscribe}); {@link #mcp()} announces their updates.
   */
  public static SdkUpstream startWithResources(String name, String... uris) throws Exception {
    return new SdkUpstream(name, Map.of("echo", args -> "echo"), List.of(uris));
  }

  private static McpServerFeatures.SyncResourceSpecification resource(String uri) {
    return new McpServerFeatures.SyncResourceSpecification(
        McpSchema.Resource.builder().uri(uri).name(uri).mimeType("text/plain").build(),
        (exchange, request) ->
            new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, "text/plain", "text of " + uri))));
  }

  public URI url() {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/mcp");
  }

  /** This upstream as a streamable-http server of the gateway's registry, under its own name. */
  public ServerConfig server() {
    return ServerConfig.streamableHttp(name, url());
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Map<String, String>> requestHeaders() {
    return requests.stream().map(Received::headers).toList();
  }

  /** The bodies of every POST the upstream received, in order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** The MCP session id of the first POST whose body contains {@code fragment}. */
  public java.util.Optional<String> sessionOf(String fragment) {
    return postsBySession.stream()
        .filter(p -> p.getValue().contains(fragment))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The MCP session ids of the POSTs whose body contains {@code fragment}, in order, once each. */
  public List<String> sessionsOf(String fragment) {
    return postsBySession.stream()
        .filter(p -> p.getValue().contains(fragment))
        .map(Map.Entry::getKey)
        .distinct()
        .toList();
  }

  /**
   * Ends the MCP session {@code sessionId} as a server that forgets it does (an expiry, a restart):
   * its streams close, its subscriptions go, and a request carrying its id is answered 404.
   */
  public void forget(String sessionId) throws Exception {
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var delete =
          java.net.http.HttpRequest.newBuilder(url())
              .header("Mcp-Session-Id", sessionId)
              .DELETE()
              .build();
      int status =
          http.send(delete, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("the session was not ended: HTTP " + status);
      }
    }
  }

  /** How many standalone event streams (GET) the MCP session {@code sessionId} asked for. */
  public long eventStreamsOf(String sessionId) {
    return requests.stream()
        .filter(
            r -> "GET".equals(r.method()) && sessionId.equals(r.headers().get("mcp-session-id")))
        .count();
  }

  /** How many standalone event streams of the MCP session {@code sessionId} are open now. */
  public int openEventStreamsOf(String sessionId) {
    return openStreams.getOrDefault(sessionId, 0);
  }

  /** Runs once when an async response (an event stream) has ended, however it ended. */
  private static final class StreamEnd implements jakarta.servlet.AsyncListener {
    private final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable ended;

    StreamEnd(Runnable ended) {
      this.ended = ended;
    }

    private void end() {
      if (done.compareAndSet(false, true)) {
        ended.run();
      }
    }

    @Override
    public void onComplete(jakarta.servlet.AsyncEvent event) {
      end();
    }

    @Override
    public void onTimeout(jakarta.servlet.AsyncEvent event) {
      end();
    }

    @Override
    public void onError(jakarta.servlet.AsyncEvent event) {
      end();
    }

    @Override
    public void onStartAsync(jakarta.servlet.AsyncEvent event) {}
  }

  /**
   * Sends a notification to one MCP session on its standalone stream, whatever it subscribed to
   * (the SDK's own {@code notifyResourcesUpdated} only tells sessions that subscribed).
   */
  public void notify(String sessionId, String method, Object params) {
    transport.notifyClient(sessionId, method, params).block();
  }

  /**
   * From now on, each {@code resources/subscribe} is followed, the moment its answer is written, by
   * a {@code notifications/resources/updated} of its URI on the session's standalone stream, as a
   * server does whose resource changes right then; it is lost when no such stream is open.
   */
  public void updateOnSubscribe() {
    updateOnSubscribe = true;
  }

  private void answered(jakarta.servlet.ServletRequest req, String sessionId, byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (!updateOnSubscribe || !text.contains("\"resources/subscribe\"")) {
      return;
    }
    Runnable update = () -> updateAtOnce(sessionId, text);
    if (req.isAsyncStarted()) {
      req.getAsyncContext().addListener(new StreamEnd(update));
    } else {
      update.run();
    }
  }

  private void updateAtOnce(String sessionId, String subscribe) {
    try {
      String uri =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(subscribe)
              .path("params")
              .path("uri")
              .asText();
      notify(sessionId, "notifications/resources/updated", Map.of("uri", uri));
    } catch (Exception e) {
      // no standalone stream open: the update is lost, as with any server
    }
  }

  /** A request whose body was read already, to record it, and is served again from memory. */
  private static final class CachedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public List<Received> requests() {
    return List.copyOf(requests);
  }

  /**
   * Adds a tool whose handler also gets the server exchange (to log or report progress before it
   * answers). Call {@code mcp().notifyToolsListChanged()} to announce it.
   */
  public void addTool(
      String toolName, BiFunction<McpSyncServerExchange, Map<String, Object>, String> handler) {
    mcp.addTool(
        new SyncToolSpecification(
            tool(toolName),
            (exchange, request) -> {
              Map<String, Object> args =
                  request.arguments() == null ? Map.of() : request.arguments();
              calls.add(new Call(request.name(), args));
              return McpSchema.CallToolResult.builder()
                  .addTextContent(handler.apply(exchange, args))
                  .isError(false)
                  .build();
            }));
  }

  /**
   * Adds a tool that answers with structured content (and the same object as JSON text, as the spec
   * asks for compatibility).
   */
  public void addStructuredTool(
      String toolName, Function<Map<String, Object>, Map<String, Object>> handler) {
    mcp.addTool(
        new SyncToolSpecification(
            tool(toolName),
            (exchange, request) -> {
              Map<String, Object> args =
                  request.arguments() == null ? Map.of() : request.arguments();
              calls.add(new Call(request.name(), args));
              Map<String, Object> structured = handler.apply(args);
              String text;
              try {
                text =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(structured);
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
              return McpSchema.CallToolResult.builder()
                  .addTextContent(text)
                  .structuredContent(structured)
                  .isError(false)
                  .build();
            }));
  }

  private static McpSchema.Tool tool(String toolName) {
    return McpSchema.Tool.builder()
        .name(toolName)
        .description("Scripted tool " + toolName)
        .inputSchema(Map.of("type", "object"))
        .build();
  }

  public McpSyncServer mcp() {
    return mcp;
  }

  @Override
  public void close() throws Exception {
    mcp.closeGracefully();
    server.stop();
  }
}
