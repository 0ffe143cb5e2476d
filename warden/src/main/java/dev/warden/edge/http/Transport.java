package dev.warden.edge.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** What a connection is served over: a socket's streams, its peer, a way to close it. */
interface Transport extends Closeable {
  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  String remote();

  /** A blocking JDK socket. */
  static Transport of(Socket socket) {
    return new Transport() {
      @Override
      public InputStream input() throws IOException {
        socket.setTcpNoDelay(true);
        return socket.getInputStream();
      }

      @Override
      public OutputStream output() throws IOException {
        return socket.getOutputStream();
      }

      @Override
      public String remote() {
        return socket.getInetAddress().getHostAddress();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }

  /** A socket of an event loop (ADR 0007). */
  static Transport of(dev.warden.net.LoopChannel channel) {
    return new Transport() {
      @Override
      public InputStream input() {
        return channel.input();
      }

      @Override
      public OutputStream output() {
        return channel.output();
      }

      @Override
      public String remote() {
        return channel.remote();
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
