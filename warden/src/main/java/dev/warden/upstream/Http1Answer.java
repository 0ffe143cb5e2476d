package dev.warden.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An upstream's answer: status, headers (names in lower case) and the body to read. Closing it
 * returns the connection to its pool when the body was read to its end, and drops it otherwise.
 */
public final class Http1Answer implements AutoCloseable {
  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;
  private final Http1Connection connection;
  private final boolean keepAlive;
  private final Consumer<Http1Connection> release;
  private boolean closed;

  Http1Answer(
      int status,
      Map<String, String> headers,
      InputStream body,
      Http1Connection connection,
      boolean keepAlive,
      Consumer<Http1Connection> release) {
    this.status = status;
    this.headers = headers;
    this.body = new Guarded(body);
    this.connection = connection;
    this.keepAlive = keepAlive;
    this.release = release;
  }

  public int status() {
    return status;
  }

  /** A header's value (repeated headers joined by ", "), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The body; closing it closes this answer. */
  public InputStream body() {
    return body;
  }

  /** Drops the connection at once, so a thread blocked reading the body gets an error. */
  public void abort() {
    connection.close();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      connection.finish(((Guarded) body).inner, keepAlive, release);
    }
  }

  /** The body as given to readers: its close() closes the answer. */
  private final class Guarded extends InputStream {
    private final InputStream inner;

    Guarded(InputStream inner) {
      this.inner = inner;
    }

    @Override
    public int read() throws IOException {
      try {
        return inner.read();
      } catch (java.net.SocketTimeoutException e) {
        throw timedOut();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return inner.read(b, off, len);
      } catch (java.net.SocketTimeoutException e) {
        throw timedOut();
      }
    }

    /** A stalled answer, said the way the rest of Warden recognises a timeout. */
    private static IOException timedOut() {
      return new IOException(
          "the upstream did not go on with its answer in time",
          new java.util.concurrent.TimeoutException());
    }

    @Override
    public void close() {
      Http1Answer.this.close();
    }
  }
}
