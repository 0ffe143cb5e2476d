package dev.warden.admin;

import dev.warden.audit.AuditSink;
import dev.warden.audit.GatewayMetrics;
import dev.warden.config.HostPort;
import dev.warden.config.WardenConfig;
import dev.warden.net.VirtualThreads;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener: a Jetty server of its own, on its own port, serving {@link AdminEndpoint}.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService virtualThreads;

  private AdminServer(Server server, ServerConnector connector, ExecutorService virtualThreads) {
    this.server = server;
    this.connector = connector;
    this.virtualThreads = virtualThreads;
  }

  /** Starts the listener on {@code config.admin().listen()}. */
  public static AdminServer start(
      WardenConfig config, GatewayMetrics metrics, Supplier<String> status) throws Exception {
    return start(config, metrics, Optional.empty(), status);
  }

  /** Starts the listener, with the audit trail's query API when {@code audit} is present. */
  public static AdminServer start(
      WardenConfig config,
      GatewayMetrics metrics,
      Optional<AuditSink> audit,
      Supplier<String> status)
      throws Exception {
    return start(config.admin().listen(), new AdminEndpoint(config, metrics, audit, status));
  }

  /** Starts {@code endpoint} on {@code listen}; port 0 picks a free port, see {@link #port()}. */
  public static AdminServer start(HostPort listen, AdminEndpoint endpoint) throws Exception {
    ExecutorService virtualThreads = VirtualThreads.perTask();
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("warden-admin");
    pool.setVirtualThreadsExecutor(virtualThreads);
    Server server = new Server(pool);

    HttpConfiguration http = new HttpConfiguration();
    // No version banner on a port that answers without a token.
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(listen.host());
    connector.setPort(listen.port());
    server.addConnector(connector);
    server.setHandler(endpoint);
    server.setErrorHandler(new JsonErrorHandler());
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      virtualThreads.close();
      throw e;
    }
    AdminServer admin = new AdminServer(server, connector, virtualThreads);
    log.info("admin listener on {}", admin.uri());
    return admin;
  }

  /** The port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8081/}. */
  public URI uri() {
    return URI.create("http://" + new HostPort(connector.getHost(), port()) + "/");
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      virtualThreads.close();
    }
  }
}
