package dev.warden.upstream;

import dev.warden.mcp.CallStop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 to upstream MCP servers over blocking sockets, used from the request's own virtual
 * thread: it writes the request and reads the answer itself, so a call costs no hand-off to a
 * selector or another thread (the JDK parks the virtual thread on the socket instead). Keep-alive
 * connections are pooled per server URI. See docs/adr/0004-upstream-http-client.md for why Warden
 * has its own client on this path.
 */
public final class Http1Client implements AutoCloseable {
  /** Idle connections kept per server URI; more are closed when returned. */
  private static final int MAX_IDLE_PER_ORIGIN = 256;

  private final Duration idleTimeout;

  /** A pool per configured server URI (its hash is cached, so a lookup builds nothing). */
  private final Map<Object, Pool> pools = new ConcurrentHashMap<>();

  /** The pool of an origin for the threads of one event loop: its connections are that loop's. */
  private record LoopOrigin(URI uri, dev.warden.net.EventLoop loop) {}

  private volatile boolean closed;

  /**
   * @param idleTimeout how long a pooled connection may sit unused before it is not reused
   */
  public Http1Client(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  /** One request to send: method, target and headers (besides Host and Content-Length). */
  public record Request(
      String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {}

  /**
   * Sends {@code request} and reads the answer's status line and headers; the body is left to read
   * from the returned answer, which must be closed.
   *
   * @param connectTimeout how long opening a new connection may take
   * @param readTimeout how long any read may wait for the upstream (answer headers and body)
   */
  public Http1Answer send(Request request, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    return send(request, connectTimeout, readTimeout, null);
  }

  /**
   * As above; {@code sent}, when not null, runs once the request is written out in full, before the
   * answer is awaited.
   */
  public Http1Answer send(
      Request request, Duration connectTimeout, Duration readTimeout, Runnable sent)
      throws IOException {
    if (closed) {
      throw new IOException("client closed");
    }
    java.util.Optional<dev.warden.net.EventLoop> loop = dev.warden.net.EventLoop.current();
    Pool pool =
        pools.computeIfAbsent(
            loop.isEmpty() ? request.uri() : new LoopOrigin(request.uri(), loop.get()),
            u -> new Pool());
    byte[] head = head(request);
    Http1Connection reused = pool.take(idleTimeout);
    if (reused != null) {
      stoppable(reused);
      try {
        return reused.exchange(head, request.body(), readTimeout, pool.giveBack, sent);
      } catch (Http1Connection.StaleException stale) {
        // The server closed the pooled connection before reading anything: nothing was
        // processed, so the request goes once more on a new connection.
      }
    }
    Http1Connection fresh = open(request.uri(), connectTimeout);
    stoppable(fresh);
    try {
      return fresh.exchange(head, request.body(), readTimeout, pool.giveBack, sent);
    } catch (Http1Connection.StaleException e) {
      throw new IOException("the upstream closed the connection without answering", e);
    }
  }

  /** Lets a client's cancellation stop the exchange; nothing (not even a lambda) when unbound. */
  private static void stoppable(Http1Connection c) {
    if (CallStop.CURRENT.isBound()) {
      CallStop.onStop(c.stopperForNext());
    }
  }

  @Override
  public void close() {
    closed = true;
    pools.values().forEach(Pool::closeAll);
  }

  /**
   * A plain connection read by the calling thread's event loop (ADR 0007): the thread parks on it
   * and the loop runs it again when the answer is there, with no other thread woken.
   */
  private static Http1Connection openOnLoop(
      dev.warden.net.EventLoop loop, URI uri, Duration connectTimeout) throws IOException {
    java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open();
    try (ConnectDeadline bound = ConnectDeadline.start(channel.socket(), connectTimeout)) {
      try {
        // A host name lookup is a blocking native call: made off the loop, which serves others.
        channel.connect(
            dev.warden.net.EventLoop.offloaded(
                () -> new InetSocketAddress(uri.getHost(), port(uri))));
        dev.warden.net.LoopChannel c = loop.adopt(channel);
        return new Http1Connection(c.input(), c.output(), c);
      } catch (IOException e) {
        channel.close();
        if (bound.expired()) {
          throw new java.net.ConnectException("connect timed out after " + connectTimeout);
        }
        throw e;
      }
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static Http1Connection open(URI uri, Duration connectTimeout) throws IOException {
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    java.util.Optional<dev.warden.net.EventLoop> loop = dev.warden.net.EventLoop.current();
    if (loop.isPresent() && !tls) {
      return openOnLoop(loop.get(), uri, connectTimeout);
    }
    Socket socket = new Socket();
    // Untimed connect and handshake, bounded by the deadline watcher: a socket that never had a
    // timeout stays in blocking mode, which a platform thread reads with one system call.
    try (ConnectDeadline bound = ConnectDeadline.start(socket, connectTimeout)) {
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), port(uri)));
        if (tls) {
          SSLSocket ssl =
              (SSLSocket)
                  ((SSLSocketFactory) SSLSocketFactory.getDefault())
                      .createSocket(socket, uri.getHost(), port(uri), true);
          SSLParameters params = ssl.getSSLParameters();
          params.setEndpointIdentificationAlgorithm("HTTPS");
          ssl.setSSLParameters(params);
          ssl.startHandshake();
          socket = ssl;
        }
        return new Http1Connection(socket);
      } catch (IOException e) {
        socket.close();
        if (bound.expired()) {
          throw new java.net.ConnectException("connect timed out after " + connectTimeout);
        }
        throw e;
      }
    }
  }

  /** The request line and headers, with Host and Content-Length, as one block of bytes. */
  private static byte[] head(Request r) {
    URI uri = r.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    StringBuilder b = new StringBuilder(256);
    b.append(r.method()).append(' ').append(path).append(" HTTP/1.1\r\nHost: ");
    b.append(uri.getHost());
    if (uri.getPort() > 0) {
      b.append(':').append(uri.getPort());
    }
    b.append("\r\n");
    for (Map.Entry<String, String> h : r.headers()) {
      checkHeader(h.getKey());
      checkHeader(h.getValue());
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (r.body() != null) {
      b.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    b.append("\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A header name or value with a line break would let it forge headers: refused. */
  private static void checkHeader(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException("a header contains a line break");
      }
    }
  }

  /** Idle keep-alive connections to one server URI, most recently used first. */
  private final class Pool {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();

    /** {@link #give}, made once rather than per request. */
    final Consumer<Http1Connection> giveBack = this::give;

    Http1Connection take(Duration maxIdle) {
      while (true) {
        Http1Connection c;
        lock.lock();
        try {
          c = idle.pollFirst();
        } finally {
          lock.unlock();
        }
        if (c == null) {
          return null;
        }
        if (c.idleFor().compareTo(maxIdle) < 0) {
          return c;
        }
        c.close();
      }
    }

    void give(Http1Connection c) {
      if (closed) {
        c.close();
        return;
      }
      lock.lock();
      try {
        if (idle.size() < MAX_IDLE_PER_ORIGIN) {
          idle.addFirst(c);
          return;
        }
      } finally {
        lock.unlock();
      }
      c.close();
    }

    void closeAll() {
      lock.lock();
      try {
        idle.forEach(Http1Connection::close);
        idle.clear();
      } finally {
        lock.unlock();
      }
    }
  }
}
