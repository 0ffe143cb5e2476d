package dev.warden.edge.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warden's HTTP/1.1 server for the agent-facing port: a thread per connection that reads its own
 * socket (ADR 0005), a pooled platform thread for the first {@code connectionThreads} connections
 * and a virtual thread for any beyond (ADR 0006). It serves one {@link HttpHandler}; TLS, when
 * wanted, is terminated in front of it.
 *
 * <p>Limits: a request head of at most {@code maxHeadBytes} (431 beyond), at most {@code
 * maxConnections} open connections (a connection beyond that gets 503 and is closed), and {@code
 * idleTimeout} for any read, between requests or inside one.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final byte[] BUSY =
      ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * How the server is bounded and threaded.
   *
   * @param connectionThreads connections served on platform threads at most (0: all virtual)
   */
  public record Options(
      int maxHeadBytes, int maxConnections, Duration idleTimeout, int connectionThreads) {
    public static final int CONNECTION_THREADS = 256;
    public static final Options DEFAULTS = new Options(16 * 1024, 10_000, Duration.ofMinutes(5));

    /** Options with the default number of platform connection threads. */
    public Options(int maxHeadBytes, int maxConnections, Duration idleTimeout) {
      this(maxHeadBytes, maxConnections, idleTimeout, CONNECTION_THREADS);
    }

    /** These options with {@code threads} platform connection threads. */
    public Options withConnectionThreads(int threads) {
      return new Options(maxHeadBytes, maxConnections, idleTimeout, threads);
    }
  }

  private final ServerSocket listener;
  private final HttpHandler handler;
  private final Options options;
  private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final ConnectionThreads threads;
  private volatile boolean stopping;

  private HttpServer(ServerSocket listener, HttpHandler handler, Options options) {
    this.listener = listener;
    this.handler = handler;
    this.options = options;
    this.threads = new ConnectionThreads(options.connectionThreads());
    this.acceptor = Thread.ofVirtual().name("warden-accept").unstarted(this::accept);
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts accepting. */
  public static HttpServer start(String host, int port, HttpHandler handler, Options options)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
    HttpServer server = new HttpServer(listener, handler, options);
    server.acceptor.start();
    Thread.ofPlatform().daemon().name("warden-idle-reaper").start(server::reap);
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  Duration idleTimeout() {
    return options.idleTimeout();
  }

  int maxHeadBytes() {
    return options.maxHeadBytes();
  }

  boolean stopping() {
    return stopping;
  }

  void forget(HttpConnection connection) {
    connections.remove(connection);
  }

  private void accept() {
    while (!stopping) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!stopping) {
          log.error("accepting connections failed; the listener stops", e);
        }
        return;
      }
      if (connections.size() >= options.maxConnections()) {
        busy(socket);
        continue;
      }
      HttpConnection c = new HttpConnection(socket, handler, this);
      connections.add(c);
      threads.start(c);
    }
  }

  /** Closes connections whose read or write has been blocked past the idle timeout. */
  private void reap() {
    long limit = options.idleTimeout().toNanos();
    long tick = Math.clamp(options.idleTimeout().toMillis() / 10, 10, 1000);
    while (!stopping) {
      try {
        Thread.sleep(tick);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (HttpConnection c : connections) {
        if (c.stalled(now, limit)) {
          c.close();
        }
      }
    }
  }

  private static void busy(Socket socket) {
    try (socket) {
      socket.getOutputStream().write(BUSY);
    } catch (IOException ignored) {
      // it is being turned away anyway
    }
  }

  /** How long a stop lets event streams end by themselves before closing them. */
  private static final long STREAMS_END_NANOS = 500_000_000L;

  /**
   * Stops accepting, closes idle connections at once and event streams after half a second (time
   * for them to end with their last message), and gives requests in flight up to {@code grace} to
   * finish before their connections are closed too.
   */
  public void stop(Duration grace) {
    stopping = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    long start = System.nanoTime();
    long deadline = start + grace.toNanos();
    long streamsBy = start + Math.min(grace.toNanos(), STREAMS_END_NANOS);
    while (!connections.isEmpty() && System.nanoTime() < deadline) {
      // Idle connections close at once; event streams get a moment to end themselves first (an
      // owner that is stopping too ends them with a last message the client waits for).
      boolean streamsToo = System.nanoTime() - streamsBy >= 0;
      connections.stream().filter(c -> c.closable(streamsToo)).forEach(HttpConnection::close);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    connections.forEach(HttpConnection::close);
    threads.shutdown();
  }

  /** Connections served on platform threads now. */
  int platformConnections() {
    return threads.platformBusy();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
