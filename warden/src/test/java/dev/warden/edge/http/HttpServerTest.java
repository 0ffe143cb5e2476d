package dev.warden.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Eventually;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch writeFailed = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        HttpServer.start(
            "127.0.0.1", 0, this::handle, new HttpServer.Options(4096, 8, Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private void handle(HttpRequest request, HttpResponse response) throws IOException {
    switch (request.path()) {
      case "/ignore" -> response.send(401, "text/plain", "no".getBytes(StandardCharsets.UTF_8));
      case "/boom" -> throw new IllegalStateException("a bug");
      case "/stream" -> {
        response.header("Content-Type", "text/event-stream");
        OutputStream out = response.body();
        out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        await();
        out.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
      }
      case "/slow" -> {
        await();
        response.send(200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
      }
      case "/thread" ->
          response.send(
              200,
              "text/plain",
              (Thread.currentThread().isVirtual() ? "virtual" : "platform")
                  .getBytes(StandardCharsets.UTF_8));
      case "/late" -> {
        response.beginEventStream(": wait\n\n".getBytes(StandardCharsets.UTF_8));
        response.status(500).header("X-Ignored", "yes"); // the stream's head went out already
        response.send(
            500, "application/json", "{\"a\":1}\r\n{\"b\":2}".getBytes(StandardCharsets.UTF_8));
      }
      case "/inject" -> response.header("X-Echo", request.header("X-In")).status(204);
      case "/flood" -> {
        OutputStream out = response.body();
        byte[] block = new byte[64 * 1024];
        try {
          for (int i = 0; i < 16 * 1024; i++) { // 1 GiB at most: far beyond any socket buffer
            out.write(block);
            out.flush();
          }
        } catch (IOException e) {
          writeFailed.countDown(); // the reaper closed the stalled connection
          throw e;
        }
      }
      default -> {
        byte[] body = request.readBody(1024);
        String text =
            request.method()
                + " "
                + request.path()
                + " host="
                + request.header("HOST")
                + " body="
                + (body == null ? "TOO-LARGE" : new String(body, StandardCharsets.UTF_8));
        response.send(
            body == null ? 413 : 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void await() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RawHttp client() throws IOException {
    return new RawHttp(server.port());
  }

  @Test
  void servesSeveralRequestsOnOneConnectionIncludingPipelinedOnes() throws IOException {
    try (RawHttp c = client()) {
      c.send("POST /a?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");
      assertThat(c.read().body()).isEqualTo("POST /a host=h body=abc");
      c.send(
          "GET /b HTTP/1.1\r\nHost: h\r\n\r\n"
              + "POST /c HTTP/1.1\r\nHost: h\r\ncontent-length: 2\r\n\r\nhi");
      assertThat(c.read().body()).isEqualTo("GET /b host=h body=");
      assertThat(c.read().body()).isEqualTo("POST /c host=h body=hi");
    }
  }

  @Test
  void decodesAChunkedBodyWithExtensionsAndTrailers() throws IOException {
    try (RawHttp c = client()) {
      c.send(
          "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "3;ext=1\r\nabc\r\n1\r\nd\r\n0\r\nTrailer: x\r\n\r\n");
      assertThat(c.read().body()).isEqualTo("POST /a host=h body=abcd");
      c.send("GET /next HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(c.read().body()).startsWith("GET /next");
    }
  }

  @Test
  void anOversizedBodyIsDrainedAndRefusedAndTheConnectionKept() throws IOException {
    try (RawHttp c = client()) {
      c.send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2000\r\n\r\n" + "x".repeat(2000));
      assertThat(c.read().status()).isEqualTo(413);
      c.send("GET /next HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  @Test
  void expectContinueGetsTheInterimAnswerOnlyWhenTheBodyIsRead() throws IOException {
    try (RawHttp c = client()) {
      c.send("POST /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(100);
      c.send("ok");
      assertThat(c.read().body()).endsWith("body=ok");
    }
    try (RawHttp c = client()) {
      c.send(
          "POST /ignore HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(401);
      assertThat(c.closedByServer()).isTrue(); // the unsent body would desynchronise the stream
    }
  }

  @Test
  void refusesAmbiguousOrMalformedFramingAndCloses() throws IOException {
    String[][] cases = {
      {
        "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
        "400"
      },
      {"POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "501"},
      {"POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", "400"},
      {"POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: +2\r\n\r\n", "400"},
      {"GET /a HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", "400"},
      {"GET /a HTTP/1.1\r\nHost : h\r\n\r\n", "400"},
      {"GET /a HTTP/1.1\r\nHost: h\rX-Smuggled: 1\r\n\r\n", "400"},
      {"GET /a HTTP/1.1\r\nX: a\u0000b\r\n\r\n", "400"},
      {"G(T /a HTTP/1.1\r\n\r\n", "400"},
      {"GET a HTTP/1.1\r\n\r\n", "400"},
      {"GET /a b HTTP/1.1\r\n\r\n", "400"},
      {"PRI * HTTP/2.0\r\n\r\n", "505"},
      {"GET /a HTTP/1.1\r\nExpect: something\r\n\r\n", "417"},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400"},
      {"GET /a HTTP/1.1\r\nX: " + "v".repeat(5000) + "\r\n\r\n", "431"},
    };
    for (String[] c : cases) {
      try (RawHttp raw = client()) {
        RawHttp.Answer a = raw.send(c[0]).read();
        assertThat(a.status()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        assertThat(a.header("connection")).as(c[0]).isEqualTo("close");
        assertThat(raw.closedByServer()).as(c[0]).isTrue();
      }
    }
  }

  @Test
  void refusesMoreHeaderFieldsThanTheLimit() throws IOException {
    try (RawHttp c = client()) {
      c.send("GET /a HTTP/1.1\r\n" + "X: 1\r\n".repeat(101) + "\r\n");
      assertThat(c.read().status()).isEqualTo(431);
    }
  }

  @Test
  void streamsABodyChunkByChunkAsTheHandlerFlushes() throws IOException {
    try (RawHttp c = client()) {
      c.send("GET /stream HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(c.line()).isEqualTo("HTTP/1.1 200 OK");
      String line;
      do {
        line = c.line();
      } while (!line.isEmpty());
      assertThat(c.line()).isEqualTo(Integer.toHexString("data: one\n\n".length()));
      assertThat(c.line()).isEqualTo("data: one"); // arrived while the handler still waits
      release.countDown();
      assertThat(c.line()).isEmpty();
      assertThat(c.line()).isEmpty(); // end of the first chunk
      assertThat(c.line()).isEqualTo(Integer.toHexString("data: two\n\n".length()));
    }
  }

  @Test
  void http10GetsItsBodyDelimitedByTheConnectionEnd() throws IOException {
    release.countDown();
    try (RawHttp c = client()) {
      RawHttp.Answer a = c.send("GET /stream HTTP/1.0\r\n\r\n").read();
      assertThat(a.header("transfer-encoding")).isNull();
      assertThat(a.body()).isEqualTo("data: one\n\ndata: two\n\n");
    }
    try (RawHttp c = client()) {
      RawHttp.Answer a = c.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(a.header("connection")).isEqualTo("keep-alive");
      assertThat(c.send("GET /b HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void headAnswersCarryNoBody() throws IOException {
    try (RawHttp c = client()) {
      c.send("HEAD /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
      assertThat(c.line()).isEqualTo("HTTP/1.1 200 OK");
      String line;
      do {
        line = c.line();
      } while (!line.isEmpty());
      assertThat(c.read().body()).startsWith("GET /b"); // no body bytes in between
    }
  }

  @Test
  void aHeaderValueCannotSplitTheAnswer() throws IOException {
    try (RawHttp c = client()) {
      // The value reaches the handler without CR or LF (those end a field); a handler that
      // builds one from other input still cannot inject a line.
      c.send("GET /inject HTTP/1.1\r\nHost: h\r\nX-In: a\u0001b\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(400);
    }
    HttpResponse direct =
        new HttpResponse(new HttpOutput(OutputStream.nullOutputStream(), 64), true, false, false);
    direct.header("X-Test", "a\r\nSet-Cookie: x");
    assertThat(direct.header("X-Test")).isEqualTo("a\r\nSet-Cookie: x"); // kept as set
    var sink = new java.io.ByteArrayOutputStream();
    HttpResponse written = new HttpResponse(new HttpOutput(sink, 64), true, false, false);
    written.header("X-Test", "a\r\nSet-Cookie: x");
    written.send(200, null, new byte[0]);
    assertThat(sink.toString(StandardCharsets.ISO_8859_1))
        .contains("X-Test: a  Set-Cookie: x\r\n")
        .doesNotContain("\nSet-Cookie");
  }

  @Test
  void aHandlerBugAnswers500AndClosesTheConnection() throws IOException {
    try (RawHttp c = client()) {
      assertThat(c.send("GET /boom HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(500);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void connectionsBeyondTheLimitAreTurnedAwayWith503() throws IOException {
    RawHttp[] held = new RawHttp[8];
    try {
      for (int i = 0; i < held.length; i++) {
        held[i] = client();
        assertThat(held[i].send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n").read().status())
            .isEqualTo(200);
      }
      try (RawHttp extra = client()) {
        assertThat(extra.read().status()).isEqualTo(503);
      }
    } finally {
      for (RawHttp h : held) {
        if (h != null) {
          h.close();
        }
      }
    }
  }

  @Test
  void stopClosesIdleConnectionsAtOnceAndLetsARequestInFlightFinish() throws Exception {
    try (RawHttp idle = client();
        RawHttp busy = client()) {
      assertThat(idle.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
      busy.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
      Thread.sleep(100); // the slow request is in its handler
      Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(5)));
      assertThat(idle.closedByServer()).isTrue();
      release.countDown();
      RawHttp.Answer late = busy.read();
      assertThat(late.body()).isEqualTo("late");
      stopper.join(5_000);
      assertThat(stopper.isAlive()).isFalse();
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheTimeout() throws IOException {
    server.close();
    server =
        HttpServer.start(
            "127.0.0.1", 0, this::handle, new HttpServer.Options(4096, 8, Duration.ofMillis(200)));
    try (RawHttp c = client()) {
      assertThat(c.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
      long start = System.nanoTime();
      assertThat(c.closedByServer()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aWriteToAClientThatStopsReadingIsCutOffAfterTheTimeout() throws Exception {
    server.close();
    server =
        HttpServer.start(
            "127.0.0.1", 0, this::handle, new HttpServer.Options(4096, 8, Duration.ofMillis(300)));
    try (RawHttp c = client()) {
      c.send("GET /flood HTTP/1.1\r\nHost: h\r\n\r\n"); // and never read the answer
      assertThat(writeFailed.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void connectionsBeyondThePlatformThreadsAreServedOnVirtualThreads() throws Exception {
    server.close();
    server =
        HttpServer.start(
            "127.0.0.1",
            0,
            this::handle,
            new HttpServer.Options(4096, 8, Duration.ofSeconds(5)).withConnectionThreads(1));
    String get = "GET /thread HTTP/1.1\r\nHost: h\r\n\r\n";
    try (RawHttp first = client();
        RawHttp second = client()) {
      assertThat(first.send(get).read().body()).isEqualTo("platform");
      assertThat(second.send(get).read().body()).isEqualTo("virtual");
      assertThat(first.send(get).read().body()).isEqualTo("platform"); // kept for its connection
      assertThat(server.platformConnections()).isEqualTo(1);
    }
    Eventually.within(Duration.ofSeconds(5), () -> server.platformConnections() == 0);
    try (RawHttp third = client()) {
      assertThat(third.send(get).read().body()).isEqualTo("platform"); // the thread came back
    }
  }

  @Test
  void noPlatformThreadsServesEveryConnectionOnAVirtualThread() throws IOException {
    server.close();
    server =
        HttpServer.start(
            "127.0.0.1",
            0,
            this::handle,
            new HttpServer.Options(4096, 8, Duration.ofSeconds(5)).withConnectionThreads(0));
    try (RawHttp c = client()) {
      assertThat(c.send("GET /thread HTTP/1.1\r\nHost: h\r\n\r\n").read().body())
          .isEqualTo("virtual");
    }
  }

  @Test
  void aResponseTurnedIntoAnEventStreamSendsItsAnswerAsOneMessageEvent() throws IOException {
    try (RawHttp c = client()) {
      RawHttp.Answer a = c.send("GET /late HTTP/1.1\r\nHost: h\r\n\r\n").read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers()).containsEntry("content-type", "text/event-stream");
      assertThat(a.headers()).doesNotContainKey("x-ignored");
      assertThat(a.body())
          .isEqualTo(": wait\n\nevent: message\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n");
      c.send("GET /next HTTP/1.1\r\nHost: h\r\n\r\n"); // the stream ended; the connection goes on
      assertThat(c.read().status()).isEqualTo(200);
    }
  }
}
