package dev.warden.edge.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The data of one server-sent event: a {@code data:} field per line of it, then the blank line. */
public final class EventData {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

  private EventData() {}

  /**
   * Writes {@code b[off, off + len)} as an event's data, split at CR, LF and CRLF (each ends a line
   * in an event stream); returns the bytes written.
   */
  public static long write(OutputStream out, byte[] b, int off, int len) throws IOException {
    long n = 0;
    int start = off;
    int end = off + len;
    for (int i = off; i <= end; i++) {
      if (i == end || b[i] == '\n' || b[i] == '\r') {
        out.write(DATA);
        out.write(b, start, i - start);
        out.write('\n');
        n += DATA.length + (i - start) + 1;
        if (i + 1 < end && b[i] == '\r' && b[i + 1] == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.write('\n');
    return n + 1;
  }
}
