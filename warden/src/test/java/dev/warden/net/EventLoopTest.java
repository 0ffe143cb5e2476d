package dev.warden.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking-style code on an event loop's virtual threads, over real loopback sockets. */
class EventLoopTest {
  private ServerSocket server;
  private EventLoops loops;

  @BeforeEach
  void open() throws IOException {
    assertThat(EventLoop.supported()).as("tests run with java.lang opened").isTrue();
    server = new ServerSocket(0, 128, java.net.InetAddress.getLoopbackAddress());
    loops = new EventLoops("test-loop", 2);
  }

  @AfterEach
  void close() throws IOException {
    loops.close();
    server.close();
  }

  private SocketChannel connect() throws IOException {
    return SocketChannel.open(
        new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort()));
  }

  @Test
  void aReadParksUntilTheLoopSeesDataAndRunsOnTheLoop() throws Exception {
    EventLoop loop = loops.next();
    CompletableFuture<String> got = new CompletableFuture<>();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      loop.start(
          () -> {
            try {
              LoopChannel c = loop.adopt(ch);
              byte[] b = new byte[5];
              int n = c.input().readNBytes(b, 0, 5);
              got.complete(
                  new String(b, 0, n)
                      + " on "
                      + EventLoop.current()
                          .map(l -> l == loop ? "its loop" : "another")
                          .orElse("-"));
            } catch (IOException e) {
              got.completeExceptionally(e);
            }
          });
      Thread.sleep(100); // the reader is parked by now
      assertThat(got).isNotDone();
      peer.getOutputStream().write("he".getBytes());
      Thread.sleep(50);
      peer.getOutputStream().write("llo".getBytes());
      assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("hello on its loop");
    }
  }

  @Test
  void closingFromAnotherThreadWakesAParkedReaderWithAnError() throws Exception {
    EventLoop loop = loops.next();
    CompletableFuture<LoopChannel> adopted = new CompletableFuture<>();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      loop.start(
          () -> {
            try {
              LoopChannel c = loop.adopt(ch);
              adopted.complete(c);
              c.input().read(new byte[8]);
              failed.complete(null);
            } catch (IOException e) {
              failed.complete(e);
            }
          });
      LoopChannel c = adopted.get(5, TimeUnit.SECONDS);
      Thread.sleep(100);
      c.close();
      assertThat(failed.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aThreadOffTheLoopReadsAndWritesALoopSocket() throws Exception {
    EventLoop loop = loops.next();
    CompletableFuture<LoopChannel> adopted = new CompletableFuture<>();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      loop.start(
          () -> {
            try {
              adopted.complete(loop.adopt(ch));
            } catch (IOException e) {
              adopted.completeExceptionally(e);
            }
          });
      LoopChannel c = adopted.get(5, TimeUnit.SECONDS);
      CompletableFuture<Integer> read =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return c.input().read();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              r -> Thread.ofPlatform().start(r));
      Thread.sleep(100);
      assertThat(read).isNotDone();
      peer.getOutputStream().write(42);
      assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(42);
      // A write far larger than the socket buffers waits for the peer to read, off the loop too.
      byte[] big = new byte[8 * 1024 * 1024];
      CompletableFuture<Void> wrote =
          CompletableFuture.runAsync(
              () -> {
                try {
                  c.output().write(big);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              r -> Thread.ofPlatform().start(r));
      assertThat(peer.getInputStream().readNBytes(big.length)).hasSize(big.length);
      wrote.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void manyConnectionsEchoAtOnceWithoutALostWakeUp() throws Exception {
    int connections = 40;
    int rounds = 200;
    List<CompletableFuture<Integer>> done = new ArrayList<>();
    List<Socket> peers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      SocketChannel ch = connect();
      Socket peer = server.accept();
      peers.add(peer);
      EventLoop loop = loops.next();
      CompletableFuture<Integer> echoed = new CompletableFuture<>();
      done.add(echoed);
      loop.start(
          () -> {
            try (LoopChannel c = loop.adopt(ch)) {
              InputStream in = c.input();
              OutputStream out = c.output();
              int n = 0;
              for (int b; (b = in.read()) >= 0; n++) {
                out.write(b);
              }
              echoed.complete(n);
            } catch (IOException e) {
              echoed.completeExceptionally(e);
            }
          });
    }
    List<Thread> clients = new ArrayList<>();
    for (Socket peer : peers) {
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (peer) {
                      for (int r = 0; r < rounds; r++) {
                        peer.getOutputStream().write(r & 0x7f);
                        assertThat(peer.getInputStream().read()).isEqualTo(r & 0x7f);
                      }
                      peer.shutdownOutput();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }));
    }
    for (Thread t : clients) {
      assertThat(t.join(java.time.Duration.ofSeconds(20))).isTrue();
    }
    for (CompletableFuture<Integer> f : done) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(rounds);
    }
  }

  @Test
  void noLoopsIsRefused() {
    assertThatThrownBy(() -> new EventLoops("none", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
