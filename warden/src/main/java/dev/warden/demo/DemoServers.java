package dev.warden.demo;

import dev.warden.net.VirtualThreads;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The built-in demo's MCP servers ({@code tickets}, {@code mail}, {@code docs}), running in this
 * process on one Jetty server bound to 127.0.0.1. The gateway reaches them over real HTTP at {@code
 * /demo/{id}/mcp}, exactly like any other upstream.
 */
public final class DemoServers implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  private final Server server;
  private final ExecutorService virtualThreads;
  private final DemoData data;
  private final Map<String, URI> endpoints;

  private DemoServers(
      Server server, ExecutorService virtualThreads, DemoData data, Map<String, URI> endpoints) {
    this.server = server;
    this.virtualThreads = virtualThreads;
    this.data = data;
    this.endpoints = endpoints;
  }

  /** Starts the demo servers with data from {@link DemoData#SEED} on a free port. */
  public static DemoServers start() throws IOException {
    return start(DemoData.generate(DemoData.SEED), 0);
  }

  /** Starts the demo servers on {@code port} (0 picks a free one). */
  public static DemoServers start(int port) throws IOException {
    return start(DemoData.generate(DemoData.SEED), port);
  }

  public static DemoServers start(DemoData data, int port) throws IOException {
    String version = version();
    Map<String, McpServerSpec> specs = new LinkedHashMap<>();
    specs.put("tickets", TicketsServer.spec(data.tickets(), version));
    specs.put("mail", MailServer.spec(data.mail(), data.tickets(), version));
    specs.put("docs", DocsServer.spec(data.docs(), version));

    ExecutorService virtualThreads = VirtualThreads.perTask();
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("warden-demo");
    pool.setVirtualThreadsExecutor(virtualThreads);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(HOST);
    connector.setPort(port);
    server.addConnector(connector);
    PathMappingsHandler routes = new PathMappingsHandler();
    specs.forEach(
        (id, spec) -> routes.addMapping(PathSpec.from(path(id)), new McpServerEndpoint(spec)));
    server.setHandler(routes);
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      virtualThreads.close();
      throw new IOException("cannot start the demo servers on " + HOST + ":" + port, e);
    }
    URI base = URI.create("http://" + HOST + ":" + connector.getLocalPort());
    Map<String, URI> endpoints = new LinkedHashMap<>();
    specs.keySet().forEach(id -> endpoints.put(id, base.resolve(path(id))));
    return new DemoServers(server, virtualThreads, data, Collections.unmodifiableMap(endpoints));
  }

  /** Server id to its MCP endpoint URL, in the order tickets, mail, docs. */
  public Map<String, URI> endpoints() {
    return endpoints;
  }

  /** The live data behind the servers; tests and the CLI may look, calls change it. */
  public DemoData data() {
    return data;
  }

  @Override
  public void close() {
    stopQuietly(server);
    virtualThreads.close();
  }

  static String path(String id) {
    return "/demo/" + id + "/mcp";
  }

  private static String version() {
    String v = DemoServers.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: the process is usually on its way out.
    }
  }
}
