package dev.warden.bench.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass-through proxy that parses nothing but HTTP framing, to measure the ceiling of a threading
 * model in the gateway's place ({@code bench/run.sh --warden-jar} with a jar of this class). It
 * takes the gateway's command line ({@code serve --config FILE}) and reads the listen address and
 * the upstream's URL from the benchmark's configuration.
 *
 * <p>{@code -Dproxy.mode=loop} (default): {@code proxy.loops} event-loop threads (default 2), each
 * serving its agent connections and their upstream connections from one selector, never blocking on
 * a socket. {@code -Dproxy.mode=blocking}: a platform thread per agent connection reading and
 * writing blocking sockets (ADR 0006). {@code -Dproxy.mode=vloop}: the same blocking-style code on
 * virtual threads of Warden's own event loops (ADR 0007), which needs {@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}; run it with the warden jar on the class path.
 */
public final class ProxyCeiling {
  private ProxyCeiling() {}

  public static void main(String[] args) throws Exception {
    String config = Files.readString(Path.of(args[Arrays.asList(args).indexOf("--config") + 1]));
    int listen = group(config, "(?m)^listen: 127\\.0\\.0\\.1:(\\d+)");
    int upstream = group(config, "url: http://127\\.0\\.0\\.1:(\\d+)/mcp");
    InetSocketAddress up = new InetSocketAddress("127.0.0.1", upstream);
    if ("blocking".equals(System.getProperty("proxy.mode"))) {
      blocking(listen, up);
    } else if ("vloop".equals(System.getProperty("proxy.mode"))) {
      virtualLoops(listen, up, Integer.getInteger("proxy.loops", 2));
    } else {
      loops(listen, up, Integer.getInteger("proxy.loops", 2));
    }
  }

  private static int group(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    if (!m.find()) {
      throw new IllegalArgumentException("not in the configuration: " + regex);
    }
    return Integer.parseInt(m.group(1));
  }

  // ---- a platform thread per connection, blocking sockets ----

  private static void blocking(int port, InetSocketAddress up) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("127.0.0.1", port), 512);
      while (true) {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        Thread.ofPlatform().daemon().start(() -> serve(client, up));
      }
    }
  }

  private static void serve(Socket client, InetSocketAddress up) {
    try (client;
        Socket upstream = new Socket()) {
      upstream.connect(up);
      upstream.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      InputStream upIn = upstream.getInputStream();
      OutputStream upOut = upstream.getOutputStream();
      Buffer fromClient = new Buffer();
      Buffer fromUpstream = new Buffer();
      while (true) {
        byte[] request = fromClient.message(in, true);
        if (request == null) {
          return;
        }
        upOut.write(request);
        byte[] response = fromUpstream.message(upIn, false);
        if (response == null) {
          return;
        }
        out.write(response);
      }
    } catch (IOException e) {
      // the connection ends
    }
  }

  // ---- virtual threads on event loops, blocking-style code ----

  private static void virtualLoops(int port, InetSocketAddress up, int count) throws IOException {
    dev.warden.net.EventLoops loops = new dev.warden.net.EventLoops("vloop", count);
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", port), 512);
      while (true) {
        SocketChannel client = server.accept();
        dev.warden.net.EventLoop loop = loops.next();
        loop.start(() -> serve(loop, client, up));
      }
    }
  }

  private static void serve(
      dev.warden.net.EventLoop loop, SocketChannel agent, InetSocketAddress up) {
    try (dev.warden.net.LoopChannel client = loop.adopt(agent);
        dev.warden.net.LoopChannel upstream = loop.adopt(SocketChannel.open(up))) {
      Buffer fromClient = new Buffer();
      Buffer fromUpstream = new Buffer();
      while (true) {
        byte[] request = fromClient.message(client.input(), true);
        if (request == null) {
          return;
        }
        upstream.output().write(request);
        byte[] response = fromUpstream.message(upstream.input(), false);
        if (response == null) {
          return;
        }
        client.output().write(response);
      }
    } catch (IOException e) {
      // the connection ends
    }
  }

  /** Bytes read from one socket, cut into whole HTTP messages. */
  private static final class Buffer {
    byte[] b = new byte[16 * 1024];
    int start;
    int end;

    /** The next whole message, rewritten, or null at end of stream (blocking reads). */
    byte[] message(InputStream in, boolean request) throws IOException {
      while (true) {
        byte[] m = cut(request);
        if (m != null) {
          return m;
        }
        room();
        int n = in.read(b, end, b.length - end);
        if (n < 0) {
          return null;
        }
        end += n;
      }
    }

    /** The next whole message in the buffer, rewritten, or null when it is not all here. */
    byte[] cut(boolean request) {
      int head = Http.headEnd(b, start, end);
      if (head < 0) {
        return null;
      }
      int length = Http.contentLength(b, start, head);
      if (end - head < length) {
        return null;
      }
      byte[] m =
          request ? Http.request(b, start, head, length) : Http.response(b, start, head, length);
      start = head + length;
      if (start == end) {
        start = end = 0;
      }
      return m;
    }

    void room() {
      if (end == b.length) {
        if (start > 0) {
          System.arraycopy(b, start, b, 0, end - start);
          end -= start;
          start = 0;
        } else {
          b = Arrays.copyOf(b, b.length * 2);
        }
      }
    }

    boolean read(SocketChannel ch) throws IOException {
      room();
      int n = ch.read(ByteBuffer.wrap(b, end, b.length - end));
      if (n < 0) {
        return false;
      }
      end += n;
      return true;
    }
  }

  // ---- event loops ----

  private static void loops(int port, InetSocketAddress up, int count) throws IOException {
    Loop[] loops = new Loop[count];
    for (int i = 0; i < count; i++) {
      loops[i] = new Loop(up);
      Thread.ofPlatform().name("loop-" + i).start(loops[i]);
    }
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", port), 512);
      for (int i = 0; ; i++) {
        SocketChannel client = server.accept();
        loops[i % count].adopt(client);
      }
    }
  }

  /** One selector thread serving whole connections: an agent socket and its upstream socket. */
  private static final class Loop implements Runnable {
    private final InetSocketAddress up;
    private final Selector selector;
    private final ConcurrentLinkedQueue<SocketChannel> adopted = new ConcurrentLinkedQueue<>();

    Loop(InetSocketAddress up) throws IOException {
      this.up = up;
      this.selector = Selector.open();
    }

    void adopt(SocketChannel client) {
      adopted.add(client);
      selector.wakeup();
    }

    @Override
    public void run() {
      try {
        while (true) {
          selector.select();
          for (SocketChannel c; (c = adopted.poll()) != null; ) {
            Pair p = new Pair(c, up);
            p.clientKey = c.register(selector, SelectionKey.OP_READ, p);
            p.upstreamKey = p.upstream.register(selector, SelectionKey.OP_READ, p);
          }
          Iterator<SelectionKey> it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            Pair p = (Pair) k.attachment();
            try {
              if (!k.isValid()) {
                continue;
              }
              if (k.isWritable()) {
                p.flush(k);
              }
              if (k.isValid() && k.isReadable()) {
                p.readable(k);
              }
            } catch (IOException e) {
              p.close();
            }
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** An agent connection and its own upstream connection, both non-blocking. */
  private static final class Pair {
    final SocketChannel client;
    final SocketChannel upstream;
    SelectionKey clientKey;
    SelectionKey upstreamKey;
    final Buffer fromClient = new Buffer();
    final Buffer fromUpstream = new Buffer();
    ByteBuffer pendingClient;
    ByteBuffer pendingUpstream;

    Pair(SocketChannel client, InetSocketAddress up) throws IOException {
      this.client = client;
      this.upstream = SocketChannel.open(up);
      client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      upstream.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      client.configureBlocking(false);
      upstream.configureBlocking(false);
    }

    void readable(SelectionKey k) throws IOException {
      boolean fromAgent = k == clientKey;
      Buffer buf = fromAgent ? fromClient : fromUpstream;
      if (!buf.read(fromAgent ? client : upstream)) {
        close();
        return;
      }
      for (byte[] m; (m = buf.cut(fromAgent)) != null; ) {
        send(fromAgent ? upstream : client, fromAgent ? upstreamKey : clientKey, m, !fromAgent);
      }
    }

    private void send(SocketChannel to, SelectionKey key, byte[] m, boolean toAgent)
        throws IOException {
      ByteBuffer b = ByteBuffer.wrap(m);
      to.write(b);
      if (b.hasRemaining()) {
        if (toAgent) {
          pendingClient = b;
        } else {
          pendingUpstream = b;
        }
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
      }
    }

    void flush(SelectionKey k) throws IOException {
      boolean toAgent = k == clientKey;
      ByteBuffer b = toAgent ? pendingClient : pendingUpstream;
      if (b != null) {
        (toAgent ? client : upstream).write(b);
        if (b.hasRemaining()) {
          return;
        }
      }
      if (toAgent) {
        pendingClient = null;
      } else {
        pendingUpstream = null;
      }
      k.interestOps(k.interestOps() & ~SelectionKey.OP_WRITE);
    }

    void close() {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
