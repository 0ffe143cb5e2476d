package dev.warden.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A non-blocking socket of an {@link EventLoop}, with blocking streams for the loop's virtual
 * threads: a read or write that cannot go on parks the thread until the loop sees the socket ready.
 * Read interest stays registered between reads, so a busy connection costs no selector update per
 * call. {@link #close()} from any thread wakes a thread parked on it, whose read then fails.
 */
public final class LoopChannel implements java.io.Closeable {
  private final SocketChannel channel;
  private final EventLoop owner;
  private final InputStream in = new In();
  private final OutputStream out = new Out();
  SelectionKey key;
  private volatile Thread waiter;

  /**
   * Set by a complete write, cleared by the next read: after a request (or an answer) has gone out,
   * the reply (or the next request) is almost never there yet, so that read waits for the loop to
   * see it instead of first trying a read that would fail (one system call per call saved on each
   * side).
   */
  private boolean replyPending;

  LoopChannel(SocketChannel channel, EventLoop owner) {
    this.channel = channel;
    this.owner = owner;
  }

  public InputStream input() {
    return in;
  }

  public OutputStream output() {
    return out;
  }

  /** The peer's address, or "" once closed. */
  public String remote() {
    try {
      return ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The loop saw the socket ready: wakes the thread waiting on it, if any. */
  void ready(SelectionKey k) {
    Thread w = waiter;
    if (w != null) {
      waiter = null;
      if ((k.readyOps() & SelectionKey.OP_WRITE) != 0) {
        k.interestOps(k.interestOps() & ~SelectionKey.OP_WRITE);
      }
      LockSupport.unpark(w);
    } else {
      k.interestOps(0); // nobody reads now: no readiness until someone waits again
    }
  }

  /**
   * Parks the calling thread until the loop sees the socket ready for {@code op}. Interest is only
   * ever changed on the owning loop's thread, so it cannot race {@link #ready}: a thread of another
   * loop (or none) hands the change to the owner as a task.
   */
  private void await(int op) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    waiter = Thread.currentThread();
    if (EventLoop.current().orElse(null) == owner) {
      arm(op);
    } else {
      owner.execute(() -> arm(op));
    }
    while (waiter != null) {
      LockSupport.park(this);
    }
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
  }

  private void arm(int op) {
    try {
      if ((key.interestOps() & op) == 0) {
        key.interestOps(key.interestOps() | op);
      }
    } catch (CancelledKeyException e) {
      wake(); // closed meanwhile: the waiter finds out
    }
  }

  private void wake() {
    Thread w = waiter;
    waiter = null;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      wake();
    }
  }

  private final class In extends InputStream {
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      if (replyPending) {
        replyPending = false;
        await(SelectionKey.OP_READ);
      }
      while (true) {
        int n = channel.read(buf);
        if (n != 0) {
          return n;
        }
        await(SelectionKey.OP_READ);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
      LoopChannel.this.close();
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (true) {
        channel.write(buf);
        if (!buf.hasRemaining()) {
          replyPending = true;
          return;
        }
        await(SelectionKey.OP_WRITE);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void close() throws IOException {
      LoopChannel.this.close();
    }
  }
}
