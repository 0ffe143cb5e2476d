package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * FastUpstream's stdio transport: newline-delimited JSON-RPC, protocol 2025-11-25, read from one
 * stream and answered on another in arrival order by one thread. Answers are buffered and flushed
 * whenever no further request is already waiting, so a burst of requests costs one write. Nothing
 * else is ever written to the output: the process's diagnostics go to stderr.
 */
final class StdioServer {
  private static final int MAX_LINE = 16 * 1024 * 1024;
  private static final byte[] NULL = ToolReply.ascii("null");

  private final McpAnswers answers;

  StdioServer(McpAnswers answers) {
    this.answers = answers;
  }

  /** Serves until {@code in} ends; then returns, having flushed every answer. */
  void serve(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[64 * 1024];
    int start = 0;
    int end = 0;
    boolean pending = false;
    while (true) {
      int nl = indexOf(buf, start, end);
      if (nl >= 0) {
        pending |= answer(buf, start, nl, out);
        start = nl + 1;
        continue;
      }
      if (pending && in.available() == 0) {
        out.flush();
        pending = false;
      }
      if (start > 0) { // keep the partial line at the front
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buf.length) {
        if (buf.length >= MAX_LINE) {
          throw new IOException("request line over " + MAX_LINE + " bytes");
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        out.flush();
        return;
      }
      end += n;
    }
  }

  /** Answers the message in {@code buf[from, to)}; true when something was written. */
  private boolean answer(byte[] buf, int from, int to, OutputStream out) throws IOException {
    int len = to - from;
    if (len > 0 && buf[to - 1] == '\r') {
      len--;
    }
    if (len == 0) {
      return false;
    }
    byte[] reply;
    try {
      RequestPeek m = RequestPeek.of(buf, from, len);
      if (m.isNotification() || m.isResponse()) {
        return false;
      }
      if (m.id() == null) {
        reply = McpAnswers.error(NULL, -32600, "Bad id");
      } else {
        reply = answers.stateful(m, buf, from, len);
      }
    } catch (IOException e) {
      reply = McpAnswers.error(NULL, -32700, "Parse error");
    }
    out.write(reply);
    out.write('\n');
    return true;
  }

  private static int indexOf(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
