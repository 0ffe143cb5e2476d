package dev.warden.edge.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer to one request. A handler sets the status and header fields, then either {@link #send}
 * a whole body (framed by Content-Length) or writes a stream to {@link #body()} (chunked on
 * HTTP/1.1, delimited by closing the connection on HTTP/1.0); each {@code flush()} of that stream
 * puts what was written on the wire, which is what server-sent events need. Framing fields
 * (Content-Length, Transfer-Encoding, Connection) are the server's to set.
 */
public final class HttpResponse {
  private static final int CHUNK = 8 * 1024;
  private static final byte[] EVENT_MESSAGE =
      "event: message\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Room left in front of a large body for {@link #send(int, String, byte[], int, int)}'s head. */
  private static final int HEAD_ROOM = 1024;

  /** A body up to this size is joined with its head in the connection's buffer, without room. */
  private static final int JOINED_IN_BUFFER = HttpConnection.OUTPUT_BUFFER - HEAD_ROOM;

  private final HttpOutput out;
  private final boolean http11;
  private final boolean head;
  private final List<String> names = new ArrayList<>(8);
  private final List<String> values = new ArrayList<>(8);
  private int status = 200;
  private boolean committed;
  private volatile boolean streaming;
  private boolean close;
  private BodyStream stream;

  /** Turned into an event stream before its handler chose a form ({@link #beginEventStream}). */
  private boolean lateStream;

  HttpResponse(HttpOutput out, boolean http11, boolean head, boolean close) {
    this.out = out;
    this.http11 = http11;
    this.head = head;
    this.close = close;
  }

  public int status() {
    return status;
  }

  public HttpResponse status(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("final status expected: " + status);
    }
    if (lateStream) {
      return this; // the event stream's 200 went out already
    }
    this.status = status;
    return this;
  }

  /** Sets a header field, replacing any value it had. */
  public HttpResponse header(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("content-length")
        || lower.equals("transfer-encoding")
        || lower.equals("connection")) {
      throw new IllegalArgumentException(name + " is set by the server");
    }
    if (lateStream) {
      return this; // the event stream's head went out already
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        values.set(i, value);
        return this;
      }
    }
    names.add(name);
    values.add(value);
    return this;
  }

  /** A header field set so far, or null. */
  public String header(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return values.get(i);
      }
    }
    return null;
  }

  public boolean committed() {
    return committed;
  }

  /** Sends the whole answer at once and flushes it; the response is then complete. */
  public void send(int status, String contentType, byte[] body) throws IOException {
    send(status, contentType, body, 0, body.length);
  }

  /**
   * Sends {@code array[off, off + len)} as the whole answer. The {@code off} bytes in front of it
   * may be overwritten: a head that fits there leaves with the body in one write without a copy of
   * the body ({@link #HEAD_ROOM} fits the heads of JSON answers); a larger head is joined by
   * copying, as {@link #send(int, String, byte[])} does.
   */
  public void send(int status, String contentType, byte[] array, int off, int len)
      throws IOException {
    if (lateStream) {
      message(array, off, len);
      return;
    }
    status(status);
    if (contentType != null) {
      header("Content-Type", contentType);
    }
    commit(len);
    if (head) {
      out.flush();
    } else {
      out.writeAndFlush(array, off, len);
    }
  }

  /**
   * The body as a stream. Writes are buffered until {@code flush()}, a full buffer, or {@code
   * close()}, which completes the response.
   */
  public OutputStream body() {
    if (stream == null) {
      stream = new BodyStream();
    }
    return stream;
  }

  /**
   * Turns the response into an event stream at once, for an answer that is slow to come: 200 with
   * {@code text/event-stream}, committed and flushed with {@code comment} (an SSE comment, which
   * keeps proxies from closing the connection and tells whether the client is still there). From
   * then on the handler's status and header fields are ignored, a whole answer it sends leaves as
   * one {@code message} event that ends the stream, and {@link #body()} continues the stream.
   */
  public void beginEventStream(byte[] comment) throws IOException {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
    names.clear();
    values.clear();
    status = 200;
    header("Content-Type", "text/event-stream");
    header("Cache-Control", "no-cache");
    header("X-Accel-Buffering", "no");
    lateStream = true;
    OutputStream events = body();
    events.write(comment);
    events.flush();
  }

  /**
   * How much room to leave in front of a body of {@code length} bytes for {@link #send(int, String,
   * byte[], int, int)}: none for a body the connection's buffer joins with the head anyway.
   */
  public static int headRoom(int length) {
    return length > JOINED_IN_BUFFER ? HEAD_ROOM : 0;
  }

  /** Whether {@link #beginEventStream} turned this response into an event stream. */
  public boolean lateStream() {
    return lateStream;
  }

  /** A whole answer as the one SSE event that ends a late stream. */
  private void message(byte[] array, int off, int len) throws IOException {
    OutputStream events = body();
    events.write(EVENT_MESSAGE);
    EventData.write(events, array, off, len);
    events.close();
  }

  /** Asks the server to close the connection after this response. */
  public void closeConnection() {
    close = true;
  }

  /** Whether a streamed body is being sent (an event stream that may stay open for long). */
  boolean streaming() {
    return streaming;
  }

  boolean closesConnection() {
    return close;
  }

  /** Completes the response after its handler returned: an untouched one goes out empty. */
  void finish() throws IOException {
    if (stream != null) {
      stream.close();
    } else if (!committed) {
      commit(0);
      out.flush();
    }
  }

  /** Writes the head; {@code length} is the body's length, or -1 for a streamed body. */
  private void commit(long length) throws IOException {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
    committed = true;
    boolean noBody = status == 204 || status == 304;
    if (length < 0) {
      streaming = true;
      close |= !http11; // HTTP/1.0 has no chunks: the end of the connection ends the body
    }
    out.ascii(statusLine(status));
    for (int i = 0; i < names.size(); i++) {
      out.ascii(names.get(i));
      out.ascii(": ");
      out.ascii(safe(values.get(i)));
      out.ascii("\r\n");
    }
    if (!noBody) {
      if (length >= 0) {
        out.ascii("Content-Length: " + length + "\r\n");
      } else if (http11) {
        out.ascii("Transfer-Encoding: chunked\r\n");
      }
    }
    if (close) {
      out.ascii("Connection: close\r\n");
    } else if (!http11) {
      out.ascii("Connection: keep-alive\r\n");
    }
    out.ascii("\r\n");
  }

  /** A value never breaks the head: CR, LF and other controls become spaces. */
  private static String safe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c >= 0x7f) {
        StringBuilder b = new StringBuilder(value.length());
        for (int j = 0; j < value.length(); j++) {
          char d = value.charAt(j);
          b.append(d < ' ' || d == 0x7f ? ' ' : d > 0xff ? '?' : d);
        }
        return b.toString();
      }
    }
    return value;
  }

  static String statusLine(int status) {
    return "HTTP/1.1 " + status + " " + reason(status) + "\r\n";
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 417 -> "Expectation Failed";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status";
    };
  }

  /** A streamed body: chunked on HTTP/1.1, raw until the connection closes on HTTP/1.0. */
  private final class BodyStream extends OutputStream {
    private final byte[] pending = new byte[CHUNK];
    private int count;
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      check();
      if (count == pending.length) {
        emit();
      }
      pending[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      if (count + len <= pending.length) {
        System.arraycopy(b, off, pending, count, len);
        count += len;
        return;
      }
      emit();
      if (len >= pending.length) {
        chunk(b, off, len);
      } else {
        System.arraycopy(b, off, pending, 0, len);
        count = len;
      }
    }

    @Override
    public void flush() throws IOException {
      check();
      emit();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      emit();
      closed = true;
      if (http11 && !head && status != 204 && status != 304) {
        out.ascii("0\r\n\r\n");
      }
      out.flush();
    }

    private void check() throws IOException {
      if (closed) {
        throw new IOException("response body already closed");
      }
    }

    private void emit() throws IOException {
      if (!committed) {
        commit(-1);
      }
      if (count > 0) {
        int n = count;
        count = 0;
        chunk(pending, 0, n);
      }
    }

    private void chunk(byte[] b, int off, int len) throws IOException {
      if (!committed) {
        commit(-1);
      }
      if (head || status == 204 || status == 304) {
        return;
      }
      if (http11) {
        out.ascii(Integer.toHexString(len));
        out.ascii("\r\n");
        out.write(b, off, len);
        out.ascii("\r\n");
      } else {
        out.write(b, off, len);
      }
    }
  }
}
