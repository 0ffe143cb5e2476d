package dev.warden.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One keep-alive HTTP/1.1 connection to an upstream, used by one request at a time. Parses the
 * status line and headers itself and frames the body by Content-Length, chunked encoding or the end
 * of the connection.
 */
final class Http1Connection implements ReadDeadlines.Watched {
  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final int DRAIN_BYTES = 64 * 1024;
  private static final int DRAIN_MILLIS = 100;

  /** Where drained bytes go; never read, so sharing it between threads is harmless. */
  private static final byte[] DISCARD = new byte[4096];

  /** The server closed the connection before sending a byte of an answer. */
  static final class StaleException extends IOException {
    StaleException() {
      super("connection closed before an answer");
    }
  }

  private final java.io.Closeable socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int lim;
  private long lastUsedNanos = System.nanoTime();
  private long readTimeoutNanos = Long.MAX_VALUE;

  /** The nanoTime by which the read in progress must return; 0 when no read is in progress. */
  private volatile long deadline;

  private volatile boolean expired;

  /** Closed because the client cancelled the call: nothing is to be retried. */
  private volatile boolean stopped;

  Http1Connection(Socket socket) throws IOException {
    this(socket.getInputStream(), socket.getOutputStream(), socket);
  }

  /** A connection over {@code in} and {@code out}, which {@code closer} closes (both at once). */
  Http1Connection(java.io.InputStream in, java.io.OutputStream out, java.io.Closeable closer) {
    this.socket = closer;
    this.in = in;
    this.out = out;
    ReadDeadlines.watch(this);
  }

  Duration idleFor() {
    return Duration.ofNanos(System.nanoTime() - lastUsedNanos);
  }

  @Override
  public long deadline() {
    return deadline;
  }

  @Override
  public void expire() {
    expired = true;
    close();
  }

  /** Exchanges begun and finished on this connection: odd while one is in progress. */
  private long turn; // guarded by this

  /**
   * What stops the exchange about to begin on this connection (the client cancelled the call), and
   * does nothing once that exchange has finished: a late stop must not reach a later exchange of
   * another call on the pooled connection.
   */
  Runnable stopperForNext() {
    long before;
    synchronized (this) {
      before = turn;
    }
    return () -> {
      synchronized (this) {
        if (turn == before || turn == before + 1) {
          stop();
        }
      }
    };
  }

  private synchronized void nextTurn() {
    turn++;
  }

  /** The client cancelled the call: the exchange in progress fails, and is not retried. */
  void stop() {
    stopped = true;
    close();
  }

  void close() {
    ReadDeadlines.forget(this);
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }

  /** Writes the request and reads the answer's head; {@code release} gets this connection back. */
  Http1Answer exchange(
      byte[] head, byte[] body, Duration readTimeout, Consumer<Http1Connection> release)
      throws IOException {
    return exchange(head, body, readTimeout, release, null);
  }

  /** As above; {@code sent}, when not null, runs once the request is written out in full. */
  Http1Answer exchange(
      byte[] head,
      byte[] body,
      Duration readTimeout,
      Consumer<Http1Connection> release,
      Runnable sent)
      throws IOException {
    if (pos != lim) {
      close(); // bytes nobody asked for: the connection is not in a known state
      throw new StaleException();
    }
    nextTurn();
    pos = 0;
    lim = 0;
    try {
      readTimeoutNanos = readTimeout.toNanos();
      if (body != null && head.length + body.length <= 64 * 1024) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
      } else {
        out.write(head);
        if (body != null) {
          out.write(body);
        }
      }
      out.flush();
    } catch (IOException e) {
      close(); // the server dropped the connection: it read nothing of this request
      throw stopped ? cancelled() : new StaleException();
    }
    if (sent != null) {
      sent.run();
    }
    try {
      return readAnswer(release);
    } catch (java.net.SocketException e) {
      close();
      if (lim == 0) {
        throw new StaleException(); // reset before a byte of answer: a dropped idle connection
      }
      throw e;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private Http1Answer readAnswer(Consumer<Http1Connection> release) throws IOException {
    while (true) {
      String statusLine = line(true);
      int status = status(statusLine);
      Map<String, String> headers = headers();
      if (status >= 100 && status < 200) {
        continue; // an interim answer: the real one follows
      }
      boolean keepAlive =
          statusLine.startsWith("HTTP/1.1")
              && !"close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
      InputStream body;
      String te = headers.get("transfer-encoding");
      String cl = headers.get("content-length");
      if (status == 204 || status == 304) {
        body = new Body(0);
      } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = new Chunked();
      } else if (cl != null) {
        body = new Body(parseLength(cl));
      } else {
        keepAlive = false;
        body = new Body(Long.MAX_VALUE);
      }
      return new Http1Answer(status, headers, body, this, keepAlive, release);
    }
  }

  /** Called when the answer is closed: a fully read body on a keep-alive connection is pooled. */
  void finish(InputStream body, boolean keepAlive, Consumer<Http1Connection> release) {
    boolean reusable = keepAlive && drained(body);
    nextTurn(); // the exchange is over: its stopper no longer applies
    if (reusable) {
      lastUsedNanos = System.nanoTime();
      release.accept(this);
    } else {
      close();
    }
  }

  private boolean drained(InputStream body) {
    try {
      readTimeoutNanos = DRAIN_MILLIS * 1_000_000L;
      int total = 0;
      while (total <= DRAIN_BYTES) {
        int n = body.read(DISCARD);
        if (n < 0) {
          return true;
        }
        total += n;
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static int status(String line) throws IOException {
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("not an HTTP/1.x status line");
    }
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status", e);
    }
  }

  private Map<String, String> headers() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < MAX_HEADERS; i++) {
      String line = line(false);
      if (line.isEmpty()) {
        return out;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("bad HTTP header line");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      out.merge(name, value, (a, b) -> a + ", " + b);
    }
    throw new IOException("too many HTTP headers");
  }

  private static long parseLength(String text) throws IOException {
    try {
      long n = Long.parseLong(text.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IOException("bad Content-Length");
  }

  /** One CRLF-terminated line (LF alone accepted), without its terminator. */
  private String line(boolean first) throws IOException {
    StringBuilder b = null;
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          String part = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          String whole = b == null ? part : b.append(part).toString();
          return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
        }
      }
      if (b == null) {
        b = new StringBuilder();
      }
      b.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
      if (b.length() > MAX_LINE) {
        throw new IOException("HTTP line too long");
      }
      pos = lim;
      if (fill() < 0) {
        if (first && b.isEmpty()) {
          throw new StaleException();
        }
        throw new IOException("connection closed inside the answer's head");
      }
    }
  }

  private int fill() throws IOException {
    int n = socketRead(buf, 0, buf.length);
    if (n < 0) {
      return -1;
    }
    pos = 0;
    lim = n;
    return n;
  }

  private static IOException cancelled() {
    return new IOException("the client cancelled the call");
  }

  /** One read from the socket, bounded by the read timeout (see {@link ReadDeadlines}). */
  private int socketRead(byte[] dst, int off, int len) throws IOException {
    long timeout = readTimeoutNanos;
    deadline = (System.nanoTime() + Math.min(timeout, Long.MAX_VALUE / 4)) | 1;
    try {
      return in.read(dst, off, len);
    } catch (IOException e) {
      if (expired) {
        throw new SocketTimeoutException(
            "no data from the upstream in " + timeout / 1_000_000 + " ms");
      }
      throw stopped ? cancelled() : e;
    } finally {
      deadline = 0;
    }
  }

  /** Reads at most {@code len} bytes, from the buffer first. */
  private int readRaw(byte[] dst, int off, int len) throws IOException {
    if (pos < lim) {
      int n = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, dst, off, n);
      pos += n;
      return n;
    }
    if (len >= buf.length) {
      return socketRead(dst, off, len);
    }
    if (fill() < 0) {
      return -1;
    }
    return readRaw(dst, off, len);
  }

  /** A body stream whose single-byte read goes through its array read. */
  private abstract static class ByteReads extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** A body of a known length (or up to the end of the connection). */
  private final class Body extends ByteReads {
    private long remaining;

    Body(long length) {
      this.remaining = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = readRaw(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        if (remaining != Long.MAX_VALUE) {
          throw new IOException("the upstream closed the connection inside its answer");
        }
        remaining = 0;
        return -1;
      }
      if (remaining != Long.MAX_VALUE) {
        remaining -= n;
      }
      return n;
    }
  }

  /**
   * A chunked body: size line, data, CRLF, until the zero-size chunk and its trailers. The CRLF
   * after a chunk's data is read only when more is asked for: servers often send it together with
   * the next chunk, so reading it eagerly would hold back an event already received.
   */
  private final class Chunked extends ByteReads {
    private long left;
    private boolean afterData;
    private boolean done;

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      if (left == 0) {
        if (afterData && !line(false).isEmpty()) {
          throw new IOException("bad chunk end");
        }
        afterData = false;
        left = nextChunk();
        if (left == 0) {
          while (!line(false).isEmpty()) {
            // trailers are not used
          }
          done = true;
          return -1;
        }
      }
      int n = readRaw(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException("the upstream closed the connection inside a chunk");
      }
      left -= n;
      afterData = left == 0;
      return n;
    }

    private long nextChunk() throws IOException {
      String size = line(false);
      int semi = size.indexOf(';');
      String hex = (semi < 0 ? size : size.substring(0, semi)).trim();
      try {
        long n = Long.parseLong(hex, 16);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // falls through
      }
      throw new IOException("bad chunk size");
    }
  }
}
