package dev.warden.edge.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** One request as a handler sees it: method, path, header fields, the client and the body. */
public final class HttpRequest {
  /** Beyond this many bytes an oversized body is no longer drained: the connection is dropped. */
  static final long DRAIN_BOUND = 64L << 20;

  private final RequestHead head;
  private final String remoteAddress;
  private final long length;
  private final InputStream body;

  HttpRequest(RequestHead head, String remoteAddress, long length, InputStream body) {
    this.head = head;
    this.remoteAddress = remoteAddress;
    this.length = length;
    this.body = body;
  }

  public String method() {
    return head.method;
  }

  /** The path of the request target, without the query. */
  public String path() {
    return head.path;
  }

  /** The request target as sent. */
  public String target() {
    return head.target;
  }

  /** The first value of a header field (any case), or null. */
  public String header(String name) {
    return head.field(name);
  }

  /** Every value of a header field (any case), in arrival order. */
  public List<String> headers(String name) {
    return head.fieldValues(name);
  }

  /**
   * The header fields whose name starts with {@code prefix} (lower case), by lower-cased name,
   * first value each; empty when there is none.
   */
  public Map<String, String> headersStartingWith(String prefix) {
    return head.fieldsStartingWith(prefix);
  }

  /** The client's IP address. */
  public String remoteAddress() {
    return remoteAddress;
  }

  /** The body's declared length, or -1 for a chunked body. */
  public long contentLength() {
    return length;
  }

  /** The body, decoded from its framing; empty when the request has none. */
  public InputStream body() {
    return body;
  }

  /**
   * The whole body, or null when it is longer than {@code max} bytes. An oversized body is read on
   * and thrown away (up to a bound) first: a client still sending when the server closes gets a TCP
   * reset that can destroy the refusal in its receive buffer.
   */
  public byte[] readBody(long max) throws IOException {
    return readLimited(body, length, max);
  }

  /**
   * Reads {@code in} whole, or returns null when it holds more than {@code max} bytes, after
   * draining it (up to a bound); {@code declared} is its announced length, -1 when unknown.
   */
  public static byte[] readLimited(InputStream in, long declared, long max) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, max);
    if (declared > max) {
      drain(in, declared);
      return null;
    }
    byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared : cap + 1);
    if (bytes.length > cap) {
      drain(in, DRAIN_BOUND);
      return null;
    }
    return bytes;
  }

  private static void drain(InputStream in, long declared) throws IOException {
    long bound = Math.min(declared, DRAIN_BOUND);
    long skipped = 0;
    byte[] sink = new byte[16 * 1024];
    while (skipped < bound) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, bound - skipped));
      if (n < 0) {
        return;
      }
      skipped += n;
    }
  }
}
