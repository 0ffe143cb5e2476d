package dev.warden.upstream;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * Bounds an upstream socket's connect and TLS handshake by closing it when the time is up, through
 * {@link ReadDeadlines}. A timed {@code connect} or {@code SO_TIMEOUT} would switch the socket to
 * non-blocking mode for good, and every later read on a platform thread (ADR 0006) would then cost
 * a {@code poll} before the {@code read}: one system call more per answer.
 */
final class ConnectDeadline implements ReadDeadlines.Watched, AutoCloseable {
  private final Socket socket;
  private final long deadline;
  private volatile boolean expired;

  private ConnectDeadline(Socket socket, Duration timeout) {
    this.socket = socket;
    this.deadline = (System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4)) | 1;
  }

  /** Watches {@code socket} until {@link #close()}; past {@code timeout} it is closed. */
  static ConnectDeadline start(Socket socket, Duration timeout) {
    ConnectDeadline d = new ConnectDeadline(socket, timeout);
    ReadDeadlines.watch(d);
    return d;
  }

  /** Whether the socket was closed because the time ran out. */
  boolean expired() {
    return expired;
  }

  @Override
  public long deadline() {
    return deadline;
  }

  @Override
  public void expire() {
    expired = true;
    ReadDeadlines.forget(this);
    try {
      socket.close();
    } catch (IOException ignored) {
      // the connect fails either way
    }
  }

  /** The connect is done (or failed): the socket is no longer watched. */
  @Override
  public void close() {
    ReadDeadlines.forget(this);
  }
}
