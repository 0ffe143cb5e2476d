package dev.warden.edge.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The buffered read side of one connection. The head parser reads lines from the buffer, and the
 * body streams take what the head left in it before reading the socket again, so a request that
 * arrives in one segment costs one read.
 */
final class HttpInput {
  private final InputStream in;
  private final Stall stall;
  private final byte[] buf;
  private int pos;
  private int lim;

  HttpInput(InputStream in, int size) {
    this(in, size, new Stall());
  }

  HttpInput(InputStream in, int size, Stall stall) {
    this.in = in;
    this.stall = stall;
    this.buf = new byte[size];
  }

  private int socketRead(byte[] dst, int off, int len) throws IOException {
    stall.begin();
    try {
      return in.read(dst, off, len);
    } finally {
      stall.end();
    }
  }

  /** Whether bytes are already buffered (a pipelined request, or the rest of a head). */
  boolean buffered() {
    return pos < lim;
  }

  /**
   * Reads more into the buffer, compacting what is unread to its start; -1 at the end of the
   * stream. Fails when the buffer is full, which only a head over the limit can cause.
   */
  int fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      throw new BadHttp(431, "request head larger than " + buf.length + " bytes");
    }
    int n = socketRead(buf, lim, buf.length - lim);
    if (n > 0) {
      lim += n;
    }
    return n;
  }

  /**
   * One line without its terminator (CRLF, or LF alone), as ISO-8859-1; null when the stream ends
   * before any byte of it. A CR anywhere else in the line is refused: a lone CR is how request
   * smuggling hides a second header in one line.
   */
  String line() throws IOException {
    int nl = lineEnd();
    if (nl < 0) {
      return null;
    }
    int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
    for (int j = pos; j < end; j++) {
      if (buf[j] == '\r') {
        throw new BadHttp(400, "bare CR in the request head");
      }
    }
    String s = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
    pos = nl + 1;
    return s;
  }

  /**
   * Reads one header field line and adds its name (in lower case) and value (without surrounding
   * whitespace); false at the empty line that ends the head. Refuses obsolete line folding, a name
   * that is not a token or is followed by whitespace, and control characters in the value.
   */
  boolean field(List<String> names, List<String> values) throws IOException {
    int nl = lineEnd();
    if (nl < 0) {
      throw new BadHttp(400, "connection closed inside the request head");
    }
    int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
    if (end == pos) {
      pos = nl + 1;
      return false;
    }
    if (buf[pos] == ' ' || buf[pos] == '\t') {
      throw new BadHttp(400, "obsolete line folding in the request head");
    }
    int colon = pos;
    for (; colon < end && buf[colon] != ':'; colon++) {
      byte b = buf[colon];
      if (!RequestHead.tchar(b)) {
        throw new BadHttp(400, "malformed header field");
      }
      if (b >= 'A' && b <= 'Z') {
        buf[colon] = (byte) (b | 0x20);
      }
    }
    if (colon == end || colon == pos) {
      throw new BadHttp(400, "malformed header field");
    }
    int from = colon + 1;
    int to = end;
    while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
      from++;
    }
    while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
      to--;
    }
    for (int j = from; j < to; j++) {
      byte b = buf[j];
      if ((b >= 0 && b < ' ' && b != '\t') || b == 0x7f) {
        throw new BadHttp(400, "control character in a header value");
      }
    }
    names.add(new String(buf, pos, colon - pos, StandardCharsets.ISO_8859_1));
    values.add(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
    pos = nl + 1;
    return true;
  }

  /** The index of the next LF, reading as needed; -1 when the stream ends with nothing unread. */
  private int lineEnd() throws IOException {
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < lim; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      int unread = lim - pos;
      if (fill() < 0) {
        if (unread == 0) {
          return -1;
        }
        throw new BadHttp(400, "connection closed inside the request head");
      }
      scanned = pos + unread;
    }
  }

  /** Reads at most {@code len} bytes, from the buffer first; -1 at the end of the stream. */
  int read(byte[] dst, int off, int len) throws IOException {
    if (pos < lim) {
      int n = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, dst, off, n);
      pos += n;
      return n;
    }
    if (len >= buf.length) {
      return socketRead(dst, off, len);
    }
    pos = 0;
    lim = 0;
    int n = socketRead(buf, 0, buf.length);
    if (n < 0) {
      return -1;
    }
    lim = n;
    return read(dst, off, len);
  }

  /** A body of exactly {@code length} bytes. */
  InputStream fixed(long length) {
    return new FixedBody(length);
  }

  /** A chunked body, decoded; chunk extensions and trailers are read and ignored. */
  InputStream chunked() {
    return new ChunkedBody();
  }

  /** Whether a body stream was read to its end. */
  static boolean finished(InputStream body) {
    return switch (body) {
      case FixedBody f -> f.remaining == 0;
      case ChunkedBody c -> c.done;
      default -> false;
    };
  }

  private abstract static class Body extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }
  }

  private final class FixedBody extends Body {
    private long remaining;

    FixedBody(long length) {
      this.remaining = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = HttpInput.this.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new IOException("the client closed the connection inside the request body");
      }
      remaining -= n;
      return n;
    }

    @Override
    public int available() {
      return (int) Math.min(remaining, lim - pos);
    }
  }

  private final class ChunkedBody extends Body {
    private static final int MAX_TRAILERS = 64;
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
        if (afterData && !required().isEmpty()) {
          throw new BadHttp(400, "chunk data not followed by CRLF");
        }
        afterData = false;
        left = size(required());
        if (left == 0) {
          trailers();
          done = true;
          return -1;
        }
      }
      int n = HttpInput.this.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException("the client closed the connection inside a chunk");
      }
      left -= n;
      afterData = left == 0;
      return n;
    }

    private String required() throws IOException {
      String line = line();
      if (line == null) {
        throw new IOException("the client closed the connection inside a chunked body");
      }
      return line;
    }

    private void trailers() throws IOException {
      for (int i = 0; i < MAX_TRAILERS; i++) {
        if (required().isEmpty()) {
          return;
        }
      }
      throw new BadHttp(400, "too many trailer fields");
    }

    private static long size(String line) throws BadHttp {
      int end = line.indexOf(';');
      String hex = end < 0 ? line : line.substring(0, end);
      hex = hex.stripTrailing();
      if (hex.isEmpty() || hex.length() > 15) {
        throw new BadHttp(400, "bad chunk size");
      }
      long n = 0;
      for (int i = 0; i < hex.length(); i++) {
        int d = Character.digit(hex.charAt(i), 16);
        if (d < 0) {
          throw new BadHttp(400, "bad chunk size");
        }
        n = n * 16 + d;
      }
      return n;
    }
  }
}
