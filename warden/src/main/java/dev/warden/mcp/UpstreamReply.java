package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
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
  private final JsonNode calledAs;

  public UpstreamReply(Framing framing, InputStream body, Runnable abort) {
    this(framing, body, abort, -1, null);
  }

  /** As above, with the body's declared length ({@code -1} when not known up front). */
  public UpstreamReply(Framing framing, InputStream body, Runnable abort, long length) {
    this(framing, body, abort, length, null);
  }

  /**
   * As above; {@code calledAs} is the id the upstream knows the call by when it is not the id of
   * the request being answered (a call resumed under a new id), else null.
   */
  public UpstreamReply(
      Framing framing, InputStream body, Runnable abort, long length, JsonNode calledAs) {
    this.framing = framing;
    this.body = body;
    this.abort = abort;
    this.length = length;
    this.calledAs = calledAs;
  }

  /** The id the upstream knows the call by: {@code requestId} unless the call was resumed. */
  public JsonNode upstreamId(JsonNode requestId) {
    return calledAs != null ? calledAs : requestId;
  }

  /**
   * The body whole: read straight into one array of its declared length when that is at most {@code
   * max} (the default {@code readNBytes(int)} reads into 16 KB pieces and copies them together),
   * else up to {@code max + 1} bytes, so that a longer result shows as too large.
   */
  public byte[] readWhole(int max) throws IOException {
    if (length < 0 || length > max) {
      return body.readNBytes(max + 1);
    }
    byte[] whole = new byte[(int) length];
    readFully(whole, 0, whole.length);
    return whole;
  }

  /** Reads exactly {@code len} bytes of the body into {@code b} from {@code off}. */
  public void readFully(byte[] b, int off, int len) throws IOException {
    int n = body.readNBytes(b, off, len);
    if (n < len) {
      throw new EOFException("the upstream's answer ended after " + n + " of " + len + " bytes");
    }
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
