package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Lines of a byte stream, without copying: each is a view into the reader's buffer. */
final class LineReader {
  private static final int MAX_LINE = 64 * 1024 * 1024;

  /** {@code buf[offset, offset+length)}, valid until the next call of {@link #next}. */
  record Line(byte[] buf, int offset, int length) {}

  private final InputStream in;
  private byte[] buf = new byte[128 * 1024];
  private int start;
  private int end;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its {@code \n} (or {@code \r\n}); null at the end of the stream. */
  Line next() throws IOException {
    int scanned = start;
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buf[i] == '\n') {
          int from = start;
          start = i + 1;
          int to = i > from && buf[i - 1] == '\r' ? i - 1 : i;
          return new Line(buf, from, to - from);
        }
      }
      scanned = end - start;
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buf.length) {
        if (buf.length >= MAX_LINE) {
          throw new IOException("line over " + MAX_LINE + " bytes");
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        return null;
      }
      end += n;
    }
  }
}
