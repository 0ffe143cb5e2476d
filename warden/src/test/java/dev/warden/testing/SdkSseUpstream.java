package dev.warden.testing;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real legacy upstream: an MCP Java SDK server over HTTP+SSE (protocol 2024-11-05) on 127.0.0.1,
 * GET /sse for the event stream and POST /mcp/message for messages. It can drop every open
 * connection at once, as a server behind a restarting proxy does.
 */
public final class SdkSseUpstream implements AutoCloseable {
  /** A resource that takes subscriptions; {@link #touch} announces its update. */
  public static final String NOTE = "sse://note";

  private final Server server;
  private final McpSyncServer mcp;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

  public SdkSseUpstream(String name, Map<String, Function<Map<String, Object>, String>> tools)
      throws Exception {
    HttpServletSseServerTransportProvider transport =
        HttpServletSseServerTransportProvider.builder()
            .sseEndpoint("/sse")
            .messageEndpoint("/mcp/message")
            .build();
    List<SyncToolSpecification> specs =
        tools.entrySet().stream()
            .map(
                t ->
                    new SyncToolSpecification(
                        McpSchema.Tool.builder()
                            .name(t.getKey())
                            .description("Scripted tool " + t.getKey())
                            .inputSchema(Map.of("type", "object"))
                            .build(),
                        (exchange, request) -> {
                          calls.add(request.name());
                          Map<String, Object> args =
                              request.arguments() == null ? Map.of() : request.arguments();
                          return McpSchema.CallToolResult.builder()
                              .addTextContent(t.getValue().apply(args))
                              .isError(false)
                              .build();
                        }))
            .toList();
    this.mcp =
        McpServer.sync(transport)
            .serverInfo(name, "1.0.0")
            .capabilities(
                McpSchema.ServerCapabilities.builder().tools(true).resources(true, false).build())
            .tools(specs)
            .resources(StdioTestServer.note(NOTE))
            .build();
    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.addEventListener(
        new Connection.Listener() {
          @Override
          public void onOpened(Connection connection) {
            connections.add(connection);
          }

          @Override
          public void onClosed(Connection connection) {
            connections.remove(connection);
          }
        });
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    server.setHandler(context);
    server.start();
  }

  /** The SSE endpoint to configure. */
  public URI url() {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/sse");
  }

  /** Tools called so far, in order. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** Tells the sessions that subscribed to {@link #NOTE} that it changed. */
  public void touch() {
    mcp.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(NOTE));
  }

  /** Closes every open connection, event streams included; the server keeps listening. */
  public void dropConnections() {
    for (Connection c : connections) {
      c.getEndPoint().close();
    }
  }

  @Override
  public void close() throws Exception {
    mcp.closeGracefully();
    server.stop();
  }
}
