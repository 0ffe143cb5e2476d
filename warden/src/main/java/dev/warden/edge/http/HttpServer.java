package dev.warden.edge.http;

import dev.warden.net.VirtualThreads;
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
 * socket (ADR 0005). With {@code eventLoops} (the gateway's default) that thread is a virtual
 * thread of one of the event loops, which reads the socket for it (ADR 0007); without, a pooled
 * platform thread for the first {@code connectionThreads} connections and a virtual thread for any
 * beyond (ADR 0006). It serves one {@link HttpHandler}; TLS, when wanted, is terminated in front of
 * it.
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
   * @param eventLoops when above 0, every connection is served on a virtual thread of one of this
   *     many event loops instead (ADR 0007), where this JVM allows it
   */
  public record Options(
      int maxHeadBytes,
      int maxConnections,
      Duration idleTimeout,
      int connectionThreads,
      int eventLoops) {
    public static final int CONNECTION_THREADS = 256;
    public static final Options DEFAULTS = new Options(16 * 1024, 10_000, Duration.ofMinutes(5));

    /** Options with the default number of platform connection threads. */
    public Options(int maxHeadBytes, int maxConnections, Duration idleTimeout) {
      this(maxHeadBytes, maxConnections, idleTimeout, CONNECTION_THREADS, 0);
    }

    /** These options with {@code threads} platform connection threads. */
    public Options withConnectionThreads(int threads) {
      return new Options(maxHeadBytes, maxConnections, idleTimeout, threads, eventLoops);
    }

    /** These options with {@code loops} event loops (0: none). */
    public Options withEventLoops(int loops) {
      return new Options(maxHeadBytes, maxConnections, idleTimeout, connectionThreads, loops);
    }
  }

  private final ServerSocket listener;
  private final java.nio.channels.ServerSocketChannel channel; // null unless on event loops
  private final dev.warden.net.EventLoops loops; // null unless on event loops
  private final HttpHandler handler;
  private final Options options;
  private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final ConnectionThreads threads;
  private volatile boolean stopping;

  private HttpServer(
      ServerSocket listener,
      java.nio.channels.ServerSocketChannel channel,
      dev.warden.net.EventLoops loops,
      HttpHandler handler,
      Options options) {
    this.listener = listener;
    this.channel = channel;
    this.loops = loops;
    this.handler = handler;
    this.options = options;
    this.threads = new ConnectionThreads(options.connectionThreads());
    this.acceptor = VirtualThreads.builder().name("warden-accept").unstarted(this::accept);
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts accepting. */
  public static HttpServer start(String host, int port, HttpHandler handler, Options options)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
    HttpServer server;
    if (options.eventLoops() > 0 && dev.warden.net.EventLoop.supported()) {
      java.nio.channels.ServerSocketChannel channel = java.nio.channels.ServerSocketChannel.open();
      channel.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address, 1024);
      server =
          new HttpServer(
              channel.socket(),
              channel,
              new dev.warden.net.EventLoops("warden-loop", options.eventLoops()),
              handler,
              options);
    } else {
      if (options.eventLoops() > 0) {
        log.warn(
            "limits.event-loops: this JVM does not open java.lang to Warden (run the jar with"
                + " java -jar, or add --add-opens java.base/java.lang=ALL-UNNAMED); serving"
                + " connections on threads");
      }
      ServerSocket listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(address, 1024);
      server = new HttpServer(listener, null, null, handler, options);
    }
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
      java.nio.channels.SocketChannel accepted = null;
      try {
        if (channel != null) {
          accepted = channel.accept();
          socket = accepted.socket();
        } else {
          socket = listener.accept();
        }
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
      if (accepted != null) {
        serveOnLoop(accepted);
      } else {
        HttpConnection c = new HttpConnection(Transport.of(socket), handler, this);
        connections.add(c);
        threads.start(c);
      }
    }
  }

  private void serveOnLoop(java.nio.channels.SocketChannel accepted) {
    dev.warden.net.EventLoop loop = loops.next();
    try {
      HttpConnection c = new HttpConnection(Transport.of(loop.adopt(accepted)), handler, this);
      connections.add(c);
      loop.start(c);
    } catch (IOException e) {
      try {
        accepted.close();
      } catch (IOException ignored) {
        // it is gone either way
      }
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
    if (loops != null) {
      loops.close();
    }
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
