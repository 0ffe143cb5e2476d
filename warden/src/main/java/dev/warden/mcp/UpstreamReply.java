package dev.warden.mcp;

import java.io.IOException;
import java.io.InputStream;

/**
 * The reply of an upstream to one request: a JSON body or an event stream, read as it arrives.
 * Closing it before the end aborts the upstream exchange (and so cancels the call).
 */
public final class UpstreamReply implements AutoCloseable {
  /** How the body is framed. */
  public enum Framing {
    JSON,
    SSE
  }

  private final Framing framing;
  private final InputStream body;
  private final Runnable abort;
  private final long length;

  public UpstreamReply(Framing framing, InputStream body, Runnable abort) {
    this(framing, body, abort, -1);
  }

  /** As above, with the body's declared length ({@code -1} when not known up front). */
  public UpstreamReply(Framing framing, InputStream body, Runnable abort, long length) {
    this.framing = framing;
    this.body = body;
    this.abort = abort;
    this.length = length;
  }

  /** The body's declared length, or -1 when the upstream did not declare it. */
  public long length() {
    return length;
  }

  public Framing framing() {
    return framing;
  }

  public InputStream body() {
    return body;
  }

  /** Stops the exchange early; safe to call after the body was read to its end. */
  public void abort() {
    abort.run();
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      abort.run();
    }
  }
}
