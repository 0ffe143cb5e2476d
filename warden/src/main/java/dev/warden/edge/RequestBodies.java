package dev.warden.edge;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies under a size limit. A body over the limit is read on and thrown away (up to
 * a bound) before the 413 goes out: a client still sending when the server closes gets a TCP reset
 * that can destroy the answer in its receive buffer, so it would see a dropped connection instead
 * of the clear refusal.
 */
public final class RequestBodies {
  /** Beyond this many bytes an oversized body is no longer drained: the connection is dropped. */
  private static final long DRAIN_BOUND = 64L << 20;

  private RequestBodies() {}

  /** The whole body, or null when it is longer than {@code max} bytes (the rest then drained). */
  public static byte[] read(Request request, long max) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, max);
    try (InputStream in = Content.Source.asInputStream(request)) {
      long declared = request.getLength();
      if (declared > max) {
        drain(in, declared);
        return null;
      }
      byte[] bytes = in.readNBytes(cap + 1);
      if (bytes.length > cap) {
        drain(in, DRAIN_BOUND);
        return null;
      }
      return bytes;
    }
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
