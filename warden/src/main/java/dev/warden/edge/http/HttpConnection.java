package dev.warden.edge.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served by its own thread from the first byte to the last: it reads a
 * request's head, frames its body, runs the handler, completes the response and reads the next
 * request on the same connection. No hand-off between threads happens on the way, which is what
 * makes this cheaper per request than a selector dispatching to a pool.
 */
final class HttpConnection implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(HttpConnection.class);
  static final int OUTPUT_BUFFER = 16 * 1024;

  /** An unread request body up to this size is skipped to keep the connection; longer closes it. */
  private static final long DRAIN_LEFTOVER = 256 * 1024;

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Transport socket;
  private final HttpHandler handler;
  private final HttpServer server;
  private volatile boolean idle = true;
  private volatile HttpResponse current;
  private final Stall stall = new Stall();

  HttpConnection(Transport socket, HttpHandler handler, HttpServer server) {
    this.socket = socket;
    this.handler = handler;
    this.server = server;
  }

  /**
   * Whether closing the connection loses nothing a client waits for: it waits for its next request,
   * or (when {@code streams}) streams events, which a client re-opens elsewhere.
   */
  boolean closable(boolean streams) {
    HttpResponse r = current;
    return idle || (streams && r != null && r.streaming());
  }

  /** Whether a socket read or write has been blocked for longer than {@code nanos}. */
  boolean stalled(long now, long nanos) {
    return stall.longerThan(now, nanos);
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void run() {
    try (socket) {
      HttpInput in = new HttpInput(socket.input(), server.maxHeadBytes(), stall);
      HttpOutput out = new HttpOutput(socket.output(), OUTPUT_BUFFER, stall);
      String remote = socket.remote();
      while (!server.stopping() || in.buffered()) {
        if (!serveOne(in, out, remote)) {
          return;
        }
      }
    } catch (IOException ignored) {
      // the client went away or timed out; nothing to tell it
    } finally {
      server.forget(this);
    }
  }

  /** Serves one request; false when the connection must close after it. */
  private boolean serveOne(HttpInput in, HttpOutput out, String remote) throws IOException {
    RequestHead head;
    try {
      head = RequestHead.read(in);
    } catch (BadHttp e) {
      refuse(out, e);
      return false;
    }
    if (head == null) {
      return false;
    }
    idle = false;
    try {
      return exchange(head, in, out, remote);
    } catch (BadHttp e) {
      refuse(out, e); // malformed framing inside the body; the response was not sent yet
      return false;
    } finally {
      current = null;
      idle = true;
    }
  }

  private boolean exchange(RequestHead head, HttpInput in, HttpOutput out, String remote)
      throws IOException {
    long length = length(head);
    InputStream raw = length < 0 ? in.chunked() : in.fixed(length);
    InputStream body = raw;
    String expect = head.field("expect");
    if (expect != null && head.http11) {
      if (!expect.equalsIgnoreCase("100-continue")) {
        throw new BadHttp(417, "only Expect: 100-continue is understood");
      }
      body = length == 0 ? raw : new ContinueFirst(raw, out);
    }
    HttpResponse response =
        new HttpResponse(out, head.http11, head.method.equals("HEAD"), !keepAlive(head));
    HttpRequest request = new HttpRequest(head, remote, length, body);
    current = response;
    try {
      handler.handle(request, response);
      response.finish();
    } catch (BadHttp e) {
      if (response.committed()) {
        return false;
      }
      throw e;
    } catch (RuntimeException e) {
      log.error("bug while serving {} {}", head.method, head.path, e);
      if (!response.committed()) {
        refuse(out, new BadHttp(500, "internal error"));
      }
      return false;
    }
    if (response.closesConnection()) {
      return false;
    }
    if (HttpInput.finished(raw)) {
      return true;
    }
    if (body instanceof ContinueFirst c && !c.sent) {
      return false; // the client may or may not send the body it was not asked for
    }
    return skip(raw);
  }

  /** The body's length from its framing fields; -1 for chunked. */
  private static long length(RequestHead head) throws BadHttp {
    String te = head.field("transfer-encoding");
    int lengths = head.count("content-length");
    if (te != null) {
      if (lengths > 0 || head.count("transfer-encoding") > 1) {
        throw new BadHttp(400, "both Content-Length and Transfer-Encoding, or repeated codings");
      }
      if (!head.http11 || !te.equalsIgnoreCase("chunked")) {
        throw new BadHttp(501, "only Transfer-Encoding: chunked is understood");
      }
      return -1;
    }
    if (lengths == 0) {
      return 0;
    }
    long length = -1;
    for (String v : head.fieldValues("content-length")) {
      long n = digits(v);
      if (length >= 0 && n != length) {
        throw new BadHttp(400, "conflicting Content-Length values");
      }
      length = n;
    }
    return length;
  }

  private static long digits(String v) throws BadHttp {
    if (v.isEmpty() || v.length() > 15) {
      throw new BadHttp(400, "bad Content-Length");
    }
    long n = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new BadHttp(400, "bad Content-Length");
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static boolean keepAlive(RequestHead head) {
    String connection = head.field("connection");
    String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    return head.http11 ? !tokens.contains("close") : tokens.contains("keep-alive");
  }

  /** Reads and drops what the handler left of a body, if it is small enough to be worth it. */
  private static boolean skip(InputStream raw) {
    try {
      byte[] sink = new byte[8 * 1024];
      long skipped = 0;
      while (skipped <= DRAIN_LEFTOVER) {
        int n = raw.read(sink);
        if (n < 0) {
          return true;
        }
        skipped += n;
      }
    } catch (IOException e) {
      // a broken body: the connection cannot be reused
    }
    return false;
  }

  /** Answers a request the server refused itself, then the connection closes. */
  private static void refuse(HttpOutput out, BadHttp e) {
    try {
      byte[] body = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
      out.ascii(HttpResponse.statusLine(e.status()));
      out.ascii("Content-Type: text/plain; charset=utf-8\r\n");
      out.ascii("Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
      out.write(body);
      out.flush();
    } catch (IOException ignored) {
      // the client is gone as well
    }
  }

  /** A body whose first read tells the client to go on sending it (Expect: 100-continue). */
  private static final class ContinueFirst extends InputStream {
    private final InputStream body;
    private final HttpOutput out;
    private boolean sent;

    ContinueFirst(InputStream body, HttpOutput out) {
      this.body = body;
      this.out = out;
    }

    @Override
    public int read() throws IOException {
      go();
      return body.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      go();
      return body.read(b, off, len);
    }

    private void go() throws IOException {
      if (!sent) {
        sent = true;
        out.write(CONTINUE);
        out.flush();
      }
    }
  }
}
