package dev.warden.mcp;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream made of events produced one at a time: {@link #fill} is asked for the next bytes
 * whenever the previous ones were read, and gives them with {@link #emit} or ends the stream with
 * {@link #end}.
 */
public abstract class EventFeed extends InputStream {
  private byte[] buf = new byte[0];
  private int pos;
  private boolean ended;

  /** Produces the next bytes ({@link #emit}) or ends the stream ({@link #end}). */
  protected abstract void fill() throws IOException;

  /** The bytes read next. */
  protected final void emit(byte[] bytes) {
    buf = bytes;
    pos = 0;
  }

  /** No more bytes after those already emitted. */
  protected final void end() {
    ended = true;
  }

  protected final boolean ended() {
    return ended;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (pos >= buf.length) {
      if (ended) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, buf.length - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }
}
