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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A non-blocking socket of an {@link EventLoop}, with blocking streams for the loop's virtual
 * threads: a read or write that cannot go on parks the thread until the loop sees the socket ready.
 * Read interest stays registered between reads, so a busy connection costs no selector update per
 * call. {@link #close()} from any thread wakes a thread parked on it, whose read then fails.
 */
public final class LoopChannel implements java.io.Closeable {
  private static final int READER = 0;
  private static final int WRITER = 1;

  private final SocketChannel channel;
  private final EventLoop owner;
  private final InputStream in = new In();
  private final OutputStream out = new Out();
  SelectionKey key;

  /** The thread waiting to read and the one waiting to write, if any. */
  private final AtomicReferenceArray<Thread> waiters = new AtomicReferenceArray<>(2);

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

  /**
   * The loop saw the socket ready: wakes the threads waiting on it. Read interest stays while a
   * reader was waiting (it will most likely wait again) and is dropped when none was; write
   * interest is dropped once it fired. A key cancelled meanwhile (the socket was closed) wakes both
   * waiters, which then find the socket closed.
   */
  void ready(SelectionKey k) {
    try {
      int ops = k.readyOps();
      int drop = 0;
      if ((ops & SelectionKey.OP_READ) != 0 && !wake(READER)) {
        drop |= SelectionKey.OP_READ;
      }
      if ((ops & SelectionKey.OP_WRITE) != 0) {
        wake(WRITER);
        drop |= SelectionKey.OP_WRITE;
      }
      if (drop != 0) {
        k.interestOps(k.interestOps() & ~drop);
      }
    } catch (CancelledKeyException e) {
      wakeAll();
    }
  }

  /**
   * Parks the calling thread until the loop sees the socket ready for {@code op}. Interest is only
   * ever changed on the owning loop's thread, so it cannot race {@link #ready}: a thread of another
   * loop (or none) hands the change to the owner as a task. A reader and a writer may wait at once
   * (a keep-alive written from another thread while the connection's thread reads).
   */
  private void await(int op) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    int slot = op == SelectionKey.OP_READ ? READER : WRITER;
    Thread me = Thread.currentThread();
    waiters.set(slot, me);
    if (EventLoop.current().orElse(null) == owner) {
      arm(op);
    } else {
      owner.execute(() -> arm(op));
    }
    while (waiters.get(slot) == me) {
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
      wakeAll(); // closed meanwhile: the waiters find out
    }
  }

  /** Wakes the thread waiting in {@code slot}; whether there was one. */
  private boolean wake(int slot) {
    Thread w = waiters.getAndSet(slot, null);
    if (w != null) {
      LockSupport.unpark(w);
    }
    return w != null;
  }

  private void wakeAll() {
    wake(READER);
    wake(WRITER);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      wakeAll();
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
