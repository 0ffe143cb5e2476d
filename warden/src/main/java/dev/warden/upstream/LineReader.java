package dev.warden.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited lines of bytes, bounded: a longer line either fails the stream (the
 * protocol channel) or is cut, the rest of it skipped (a log channel).
 */
final class LineReader {
  private final InputStream in;
  private final int max;
  private final boolean cut;
  private final byte[] buf = new byte[8192];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private int pos;
  private int limit;

  LineReader(InputStream in, int max, boolean cut) {
    this.in = in;
    this.max = max;
    this.cut = cut;
  }

  /** The next line without its line break ('\n' or "\r\n"), or null at the end. */
  byte[] next() throws IOException {
    line.reset();
    boolean skipping = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return line.size() == 0 ? null : line.toByteArray();
        }
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      if (!skipping) {
        int take = Math.min(pos - start, max - line.size());
        line.write(buf, start, take);
        if (take < pos - start) {
          if (!cut) {
            throw new IOException("line longer than " + max + " bytes");
          }
          skipping = true;
        }
      }
      if (pos < limit) {
        pos++; // the '\n'
        byte[] out = line.toByteArray();
        int n = out.length;
        if (n > 0 && out[n - 1] == '\r') {
          return java.util.Arrays.copyOf(out, n - 1);
        }
        return out;
      }
    }
  }
}
