package dev.warden.bench.proxy;

import java.nio.charset.StandardCharsets;

/**
 * The little HTTP/1.1 a pass-through proxy needs: where a message's head ends, its declared body
 * length, and the two rewrites that let it stand in for the gateway in the load benchmark (the
 * persona path becomes the upstream's {@code /mcp}; tool names lose or gain the {@code fast__}
 * prefix the gateway's naming adds).
 */
final class Http {
  static final byte[] PREFIXED = ascii("\"fast__");
  static final byte[] QUOTE = ascii("\"");
  static final byte[] NAME = ascii("\"name\":\"");
  static final byte[] PREFIXED_NAME = ascii("\"name\":\"fast__");
  static final byte[] TOOLS = ascii("\"tools\":[");

  private Http() {}

  /** The index just past {@code \r\n\r\n} in {@code b[from, to)}, or -1. */
  static int headEnd(byte[] b, int from, int to) {
    for (int i = from + 3; i < to; i++) {
      if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The Content-Length of the head in {@code b[from, end)}, 0 when none. */
  static int contentLength(byte[] b, int from, int end) {
    String head = new String(b, from, end - from, StandardCharsets.ISO_8859_1);
    int at = indexOfIgnoreCase(head, "\ncontent-length:");
    if (at < 0) {
      return 0;
    }
    int i = at + "\ncontent-length:".length();
    while (head.charAt(i) == ' ') {
      i++;
    }
    int n = 0;
    while (Character.isDigit(head.charAt(i))) {
      n = n * 10 + head.charAt(i++) - '0';
    }
    return n;
  }

  /**
   * The request {@code b[from, from + length)} as the upstream takes it: path {@code /mcp}, tool
   * names without the prefix.
   */
  static byte[] request(byte[] b, int from, int headEnd, int bodyLength) {
    String head = new String(b, from, headEnd - from, StandardCharsets.ISO_8859_1);
    int sp1 = head.indexOf(' ');
    int sp2 = head.indexOf(' ', sp1 + 1);
    byte[] body = replace(b, headEnd, headEnd + bodyLength, PREFIXED, QUOTE);
    String line = head.substring(0, sp1) + " /mcp" + head.substring(sp2);
    return join(withLength(line, body.length, bodyLength), body);
  }

  /** The response as the agent takes it: listed tool names with the prefix. */
  static byte[] response(byte[] b, int from, int headEnd, int bodyLength) {
    if (indexOf(b, headEnd, headEnd + bodyLength, TOOLS) < 0) {
      byte[] out = new byte[headEnd - from + bodyLength];
      System.arraycopy(b, from, out, 0, out.length);
      return out;
    }
    byte[] body = replace(b, headEnd, headEnd + bodyLength, NAME, PREFIXED_NAME);
    String head = new String(b, from, headEnd - from, StandardCharsets.ISO_8859_1);
    return join(withLength(head, body.length, bodyLength), body);
  }

  private static byte[] withLength(String head, int now, int was) {
    if (now != was) {
      int at = indexOfIgnoreCase(head, "\ncontent-length:");
      int eol = head.indexOf('\r', at + 1);
      head = head.substring(0, at) + "\nContent-Length: " + now + head.substring(eol);
    }
    return head.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] join(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] replace(byte[] b, int from, int to, byte[] what, byte[] with) {
    int at = indexOf(b, from, to, what);
    if (at < 0) {
      byte[] out = new byte[to - from];
      System.arraycopy(b, from, out, 0, out.length);
      return out;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from + 64);
    int last = from;
    while (at >= 0) {
      out.write(b, last, at - last);
      out.write(with, 0, with.length);
      last = at + what.length;
      at = indexOf(b, last, to, what);
    }
    out.write(b, last, to - last);
    return out.toByteArray();
  }

  static int indexOf(byte[] b, int from, int to, byte[] what) {
    outer:
    for (int i = from; i <= to - what.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (b[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int indexOfIgnoreCase(String s, String lower) {
    return s.toLowerCase(java.util.Locale.ROOT).indexOf(lower);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
