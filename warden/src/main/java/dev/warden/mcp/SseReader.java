package dev.warden.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text/event-stream one event at a time. Bounded: an event larger than {@code maxEvent}
 * bytes fails the stream rather than exhausting memory.
 */
public final class SseReader {
  private final InputStream in;
  private final int maxEvent;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  public SseReader(InputStream in, int maxEvent) {
    this.in = in;
    this.maxEvent = maxEvent;
  }

  /** The next event, or null at the end of the stream. Comment-only blocks are skipped. */
  public SseEvent next() throws IOException {
    String event = null;
    String id = null;
    StringBuilder data = null;
    int size = 0;
    while (true) {
      String l = readLine();
      if (l == null) {
        return data == null ? null : new SseEvent(event, id, data.toString());
      }
      if (l.isEmpty()) {
        if (data != null) {
          return new SseEvent(event, id, data.toString());
        }
        event = null;
        continue;
      }
      size += l.length();
      if (size > maxEvent) {
        throw new IOException("server-sent event larger than " + maxEvent + " bytes");
      }
      if (l.charAt(0) == ':') {
        continue;
      }
      int colon = l.indexOf(':');
      String field = colon < 0 ? l : l.substring(0, colon);
      String value = colon < 0 ? "" : l.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        case "event" -> event = value;
        case "id" -> id = value;
        default -> {} // retry and unknown fields are ignored
      }
    }
  }

  private String readLine() throws IOException {
    line.reset();
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }
      }
      int start = pos;
      while (pos < limit) {
        byte b = buf[pos];
        if (b == '\n' || b == '\r') {
          line.write(buf, start, pos - start);
          pos++;
          if (b == '\r') {
            skipLf();
          }
          return line.toString(StandardCharsets.UTF_8);
        }
        pos++;
      }
      line.write(buf, start, pos - start);
      if (line.size() > maxEvent) {
        throw new IOException("server-sent event line larger than " + maxEvent + " bytes");
      }
    }
  }

  private void skipLf() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return;
      }
    }
    if (buf[pos] == '\n') {
      pos++;
    }
  }
}
