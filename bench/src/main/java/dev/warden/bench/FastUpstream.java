package dev.warden.bench;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A minimal, fast MCP server with tools {@code payload_<size>} and {@code echo}: Streamable HTTP on
 * Jetty core and virtual threads (2025-11-25 with sessions, and 2026-07-28 stateless requests), or
 * with {@code --stdio} newline-delimited JSON-RPC on stdin and stdout (2025-11-25). Runs as its own
 * process so its CPU can be told apart from the gateway's.
 *
 * <p>{@code FastUpstream [--host 127.0.0.1] [--port 0] [--payloads 1k,64k]} prints {@code READY
 * port=N} once it accepts connections; {@code FastUpstream --stdio [--payloads 1k,64k]} serves its
 * standard input until it ends.
 */
public final class FastUpstream implements AutoCloseable {
  public static final String READY = "READY port=";

  private final Server server;
  private final ServerConnector connector;

  private FastUpstream(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts a server offering one payload tool per size label (e.g. {@code 1k}). */
  public static FastUpstream start(String host, int port, List<String> payloads) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("fast-upstream");
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new UpstreamHandler(new McpAnswers(payloads)));
    server.start();
    return new FastUpstream(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 0;
    List<String> payloads = List.of("1k", "64k");
    boolean stdio = false;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--stdio" -> {
          stdio = true;
          continue;
        }
        case "--host" -> host = value;
        case "--port" -> port = Integer.parseInt(value);
        case "--payloads" -> payloads = List.of(value.split(","));
        default -> {
          System.err.println(
              "usage: FastUpstream [--stdio | --host H --port N] [--payloads 1k,64k]");
          System.exit(2);
        }
      }
      i++;
    }
    if (stdio) {
      serveStdio(payloads);
      return;
    }
    FastUpstream upstream = start(host, port, payloads);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(upstream)));
    System.out.println(READY + upstream.port());
    System.out.flush();
    upstream.server.join();
  }

  /** Serves stdin until it ends; stray prints to System.out go to stderr, not into the pipe. */
  private static void serveStdio(List<String> payloads) throws IOException {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    System.setOut(System.err);
    new StdioServer(new McpAnswers(payloads)).serve(new FileInputStream(FileDescriptor.in), out);
  }

  private static void quietly(FastUpstream upstream) {
    try {
      upstream.close();
    } catch (Exception e) {
      // exiting anyway
    }
  }
}
