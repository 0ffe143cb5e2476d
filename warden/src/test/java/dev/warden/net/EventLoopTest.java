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

  /** Code that may fail with an I/O error, run for a result. */
  interface IoCall<T> {
    T call() throws IOException;
  }

  /** Runs {@code body} on a virtual thread of {@code loop}; its result or failure. */
  private static <T> CompletableFuture<T> onLoop(EventLoop loop, IoCall<T> body) {
    return run(loop::start, body);
  }

  /** Runs {@code body} on a platform thread of its own. */
  private static <T> CompletableFuture<T> offLoop(IoCall<T> body) {
    return run(r -> Thread.ofPlatform().start(r), body);
  }

  private static <T> CompletableFuture<T> run(
      java.util.function.Consumer<Runnable> start, IoCall<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    start.accept(
        () -> {
          try {
            f.complete(body.call());
          } catch (IOException | RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  /** {@code ch} adopted by {@code loop}, on the loop. */
  private static LoopChannel adopted(EventLoop loop, SocketChannel ch) throws Exception {
    return onLoop(loop, () -> loop.adopt(ch)).get(5, TimeUnit.SECONDS);
  }

  /** Writes {@code bytes} to {@code c} from a thread of its own; the count written. */
  private static CompletableFuture<Integer> writeOffLoop(LoopChannel c, byte[] bytes) {
    return offLoop(
        () -> {
          c.output().write(bytes);
          return bytes.length;
        });
  }

  private SocketChannel connect() throws IOException {
    return SocketChannel.open(
        new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort()));
  }

  @Test
  void aReadParksUntilTheLoopSeesDataAndRunsOnTheLoop() throws Exception {
    EventLoop loop = loops.next();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      CompletableFuture<String> got =
          onLoop(
              loop,
              () -> {
                byte[] b = loop.adopt(ch).input().readNBytes(5);
                boolean own = EventLoop.current().orElse(null) == loop;
                return new String(b) + (own ? " on its loop" : " elsewhere");
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
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      LoopChannel c = adopted(loop, ch);
      CompletableFuture<Integer> read = onLoop(loop, () -> c.input().read(new byte[8]));
      Thread.sleep(100);
      assertThat(read).isNotDone();
      c.close();
      assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void aThreadOffTheLoopReadsAndWritesALoopSocket() throws Exception {
    EventLoop loop = loops.next();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      LoopChannel c = adopted(loop, ch);
      CompletableFuture<Integer> read = offLoop(() -> c.input().read());
      Thread.sleep(100);
      assertThat(read).isNotDone();
      peer.getOutputStream().write(42);
      assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(42);
      // A write far larger than the socket buffers waits for the peer to read, off the loop too.
      byte[] big = new byte[8 * 1024 * 1024];
      CompletableFuture<Integer> wrote = writeOffLoop(c, big);
      assertThat(peer.getInputStream().readNBytes(big.length)).hasSize(big.length);
      assertThat(wrote.get(5, TimeUnit.SECONDS)).isEqualTo(big.length);
    }
  }

  @Test
  void aReaderAndAWriterWaitOnOneSocketAtOnce() throws Exception {
    EventLoop loop = loops.next();
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      LoopChannel c = adopted(loop, ch);
      CompletableFuture<Integer> read = onLoop(loop, () -> c.input().read());
      Thread.sleep(100); // parked for a byte
      byte[] big = new byte[8 * 1024 * 1024];
      CompletableFuture<Integer> wrote = writeOffLoop(c, big);
      Thread.sleep(100); // parked for room in the socket buffer, while the reader still waits
      assertThat(wrote).isNotDone();
      assertThat(peer.getInputStream().readNBytes(big.length)).hasSize(big.length);
      assertThat(wrote.get(5, TimeUnit.SECONDS)).isEqualTo(big.length);
      assertThat(read).isNotDone();
      peer.getOutputStream().write(9);
      assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(9);
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
      done.add(
          onLoop(
              loop,
              () -> {
                try (LoopChannel c = loop.adopt(ch)) {
                  InputStream in = c.input();
                  OutputStream out = c.output();
                  int n = 0;
                  for (int b; (b = in.read()) >= 0; n++) {
                    out.write(b);
                  }
                  return n;
                }
              }));
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
  void workOffloadedFromALoopLeavesItServingItsOtherConnections() throws Exception {
    EventLoop loop = loops.next();
    assertThat(echoDelayWhile(loop, () -> EventLoop.offloaded(() -> spin(400)))).isLessThan(200);
    // The same work in place holds the loop: the echo waits for it.
    assertThat(echoDelayWhile(loop, () -> spin(400))).isGreaterThanOrEqualTo(250);
    assertThat(EventLoop.offloaded(() -> "off any loop, in place"))
        .isEqualTo("off any loop, in place");
  }

  /** Milliseconds a one-byte echo on {@code loop} takes while {@code work} runs on it too. */
  private long echoDelayWhile(EventLoop loop, Runnable work) throws Exception {
    SocketChannel ch = connect();
    try (Socket peer = server.accept()) {
      CompletableFuture<Integer> echo =
          onLoop(
              loop,
              () -> {
                LoopChannel c = loop.adopt(ch);
                int b = c.input().read();
                c.output().write(b);
                return b;
              });
      Thread.sleep(100); // the echo waits for its byte
      CompletableFuture<Integer> busy =
          onLoop(
              loop,
              () -> {
                work.run();
                return 0;
              });
      Thread.sleep(50); // the work has started
      long start = System.nanoTime();
      peer.getOutputStream().write(7);
      assertThat(peer.getInputStream().read()).isEqualTo(7);
      long took = (System.nanoTime() - start) / 1_000_000;
      busy.get(5, TimeUnit.SECONDS);
      echo.get(5, TimeUnit.SECONDS);
      ch.close();
      return took;
    }
  }

  /** Keeps a processor busy for {@code millis}, as a long scan would. */
  private static long spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long n = 0;
    while (System.nanoTime() < end) {
      n++;
    }
    return n;
  }

  /**
   * A thread started while serving a request runs off the loop: its parent's scheduler would be the
   * loop, where a read of a child process's pipe holds the loop's only carrier.
   */
  @Test
  void aThreadStartedFromALoopThreadRunsOffTheLoop() throws Exception {
    EventLoop loop = loops.next();
    assertThat(echoDelayWhile(loop, () -> join(VirtualThreads.start("pipe", () -> readPipe(400)))))
        .isLessThan(200);
    // What VirtualThreads prevents: the JDK's own builder inherits the loop, and the read holds it.
    assertThat(echoDelayWhile(loop, () -> join(Thread.ofVirtual().start(() -> readPipe(400)))))
        .isGreaterThanOrEqualTo(250);
  }

  /** Reads the output of a child process that writes nothing for {@code millis}, then ends. */
  private static void readPipe(long millis) {
    try {
      Process p = new ProcessBuilder("sleep", String.valueOf(millis / 1000.0)).start();
      assertThat(p.getInputStream().read()).isEqualTo(-1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void noLoopsIsRefused() {
    assertThatThrownBy(() -> new EventLoops("none", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
