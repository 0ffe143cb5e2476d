package dev.warden.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request sent over a {@link JsonRpcLink}, waiting for its response. Its body is what the
 * caller reads: the response alone (JSON), or the request's progress notifications and then the
 * response as server-sent events. A link that dies ends the body at once with an error.
 */
final class PendingCall extends InputStream {
  /** The link failed before the response came; {@code reason} is safe to show. */
  record Failed(String reason) {}

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

  private final String linkId;
  private final byte[] originalId;
  private final String progressToken;
  private final boolean events;
  private final long deadlineNanos;
  private final Runnable cancel;
  private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;
  private volatile boolean done;

  PendingCall(
      String linkId,
      byte[] originalId,
      String progressToken,
      boolean events,
      long timeoutNanos,
      Runnable cancel) {
    this.linkId = linkId;
    this.originalId = originalId;
    this.progressToken = progressToken;
    this.events = events;
    this.deadlineNanos = System.nanoTime() + timeoutNanos;
    this.cancel = cancel;
  }

  String linkId() {
    return linkId;
  }

  byte[] originalId() {
    return originalId;
  }

  String progressToken() {
    return progressToken;
  }

  void notification(byte[] message) {
    if (events) {
      arrivals.add(message);
    }
  }

  void response(byte[] message) {
    arrivals.add(new Response(message));
  }

  void fail(String reason) {
    arrivals.add(new Failed(reason));
  }

  /** The next arrival, waiting at most until the call's deadline. */
  Object next() throws IOException {
    try {
      long left = deadlineNanos - System.nanoTime();
      Object o = left <= 0 ? arrivals.poll() : arrivals.poll(left, TimeUnit.NANOSECONDS);
      if (o == null) {
        close();
        throw new IOException("no answer in time", new TimeoutException());
      }
      if (o instanceof Response || o instanceof Failed) {
        done = true;
      }
      return o;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted");
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (pos == current.length) {
      if (done && arrivals.isEmpty()) {
        return -1;
      }
      Object o = next();
      switch (o) {
        case Response r -> current = events ? event(r.message()) : r.message();
        case Failed f -> throw new IOException(f.reason());
        case byte[] notification -> current = event(notification);
        default -> throw new IllegalStateException("unexpected arrival " + o);
      }
      pos = 0;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  /** The caller stopped reading before the response: the upstream is told to cancel. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      cancel.run();
    }
  }

  private static byte[] event(byte[] message) {
    // Newline-delimited JSON has no raw line breaks; data from an event stream may, so each line
    // gets its own data field.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(message.length + 16);
    out.writeBytes(DATA);
    for (byte c : message) {
      if (c == '\n') {
        out.write('\n');
        out.writeBytes(DATA);
      } else if (c != '\r') {
        out.write(c);
      }
    }
    out.write('\n');
    out.write('\n');
    return out.toByteArray();
  }

  private record Response(byte[] message) {}
}
