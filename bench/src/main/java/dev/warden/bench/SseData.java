package dev.warden.bench;

import java.io.ByteArrayOutputStream;

/** The data of the last event in a server-sent event stream held in memory. */
final class SseData {
  private SseData() {}

  /** Data lines of the last event that has any, joined by newlines; null when none has. */
  static byte[] lastEvent(byte[] body, int length) {
    byte[] last = null;
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    boolean hasData = false;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i < length && body[i] != '\n') {
        continue;
      }
      int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
      if (end == start) { // blank line: the event ends
        if (hasData) {
          last = current.toByteArray();
        }
        current.reset();
        hasData = false;
      } else if (startsWith(body, start, end, "data:")) {
        int from = start + 5;
        if (from < end && body[from] == ' ') {
          from++;
        }
        if (hasData) {
          current.write('\n');
        }
        current.write(body, from, end - from);
        hasData = true;
      }
      start = i + 1;
    }
    return hasData ? current.toByteArray() : last;
  }

  private static boolean startsWith(byte[] b, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (b[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
