package dev.warden.edge.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The buffered write side of one connection: a response's head and a small body leave in one write;
 * a large body leaves in as few writes as the buffer allows. Not thread-safe: one request at a time
 * owns the connection.
 */
final class HttpOutput {
  /** The largest head and body {@link #writeAndFlush} joins into one write. */
  static final int MAX_JOINED = 1024 * 1024;

  private final OutputStream out;
  private final Stall stall;
  private final byte[] buf;
  private int count;

  HttpOutput(OutputStream out, int size) {
    this(out, size, new Stall());
  }

  HttpOutput(OutputStream out, int size, Stall stall) {
    this.out = out;
    this.stall = stall;
    this.buf = new byte[size];
  }

  private void socketWrite(byte[] b, int off, int len) throws IOException {
    stall.begin();
    try {
      out.write(b, off, len);
    } finally {
      stall.end();
    }
  }

  void write(int b) throws IOException {
    if (count == buf.length) {
      drain();
    }
    buf[count++] = (byte) b;
  }

  void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  void write(byte[] b, int off, int len) throws IOException {
    int room = buf.length - count;
    if (len <= room) {
      System.arraycopy(b, off, buf, count, len);
      count += len;
      return;
    }
    System.arraycopy(b, off, buf, count, room); // top the buffer up so the first write is full
    count = buf.length;
    drain();
    off += room;
    len -= room;
    if (len >= buf.length) {
      socketWrite(b, off, len);
    } else {
      System.arraycopy(b, off, buf, 0, len);
      count = len;
    }
  }

  /** Writes an ASCII string (header lines, chunk sizes). */
  void ascii(String s) throws IOException {
    int n = s.length();
    if (n > buf.length - count) {
      drain();
      if (n > buf.length) {
        for (int i = 0; i < n; i++) {
          write(s.charAt(i));
        }
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      buf[count++] = (byte) s.charAt(i);
    }
  }

  /**
   * Writes {@code b} and sends it with what is buffered, in one socket write while the whole is at
   * most {@link #MAX_JOINED} bytes: a response's head and its large body leave together, so the
   * client reads the answer in one go instead of waking up for its first piece.
   */
  void writeAndFlush(byte[] b) throws IOException {
    writeAndFlush(b, 0, b.length);
  }

  /**
   * {@link #writeAndFlush(byte[])} for {@code b[off, off + len)}, where the {@code off} bytes in
   * front are the caller's spare room: when what is buffered fits there, it is copied in front of
   * the body and the whole leaves in one write, without copying the body.
   */
  void writeAndFlush(byte[] b, int off, int len) throws IOException {
    if (count > 0 && count + len > buf.length) {
      if (count <= off) {
        int start = off - count;
        System.arraycopy(buf, 0, b, start, count);
        count = 0;
        socketWrite(b, start, off + len - start);
        return;
      }
      if (count + len <= MAX_JOINED) {
        byte[] all = Arrays.copyOf(buf, count + len);
        System.arraycopy(b, off, all, count, len);
        count = 0;
        socketWrite(all, 0, all.length);
        return;
      }
    }
    write(b, off, len);
    drain();
  }

  /** Sends what is buffered. */
  void flush() throws IOException {
    drain(); // the socket's stream is unbuffered: nothing more to flush
  }

  private void drain() throws IOException {
    if (count > 0) {
      int n = count;
      count = 0; // a failed write leaves nothing to resend: the connection is closed after it
      socketWrite(buf, 0, n);
    }
  }
}
