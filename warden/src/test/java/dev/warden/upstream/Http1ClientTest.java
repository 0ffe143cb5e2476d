package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.mcp.CallStop;
import dev.warden.testing.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upstream HTTP/1.1 client against a real Jetty server on 127.0.0.1. */
class Http1ClientTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static Server server;
  private static ServerConnector connector;

  @BeforeAll
  static void start() throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setIdleTimeout(30_000);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            String port = String.valueOf(Request.getRemotePort(request));
            response.getHeaders().put("X-Client-Port", port);
            response
                .getHeaders()
                .put("X-Echo-Header", String.valueOf(request.getHeaders().get("X-Test")));
            switch (Request.getPathInContext(request)) {
              case "/echo" -> {
                response.getHeaders().put("Content-Type", "application/json");
                Content.Sink.write(response, true, body, callback);
              }
              case "/chunks" -> {
                // First event, a pause, then the rest: the first must be readable before the pause
                // ends.
                response.getHeaders().put("Content-Type", "text/event-stream");
                try (var out = Content.Sink.asOutputStream(response)) {
                  out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  Thread.sleep(600);
                  out.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
                }
                callback.succeeded();
              }
              case "/big" -> {
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap(new byte[200_000]), callback);
              }
              case "/slow" -> {
                Thread.sleep(1500);
                Content.Sink.write(response, true, "late", callback);
              }
              default -> {
                response.setStatus(404);
                callback.succeeded();
              }
            }
            return true;
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
  }

  private static Http1Client.Request post(String path, String body) {
    return new Http1Client.Request(
        "POST",
        uri(path),
        List.of(Map.entry("X-Test", "yes")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aConnectionIsReusedOnceItsAnswerWasReadToTheEnd() throws Exception {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      String first;
      try (Http1Answer a = client.send(post("/echo", "{\"n\":1}"), SECOND, SECOND)) {
        assertThat(new String(a.body().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("{\"n\":1}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).startsWith("application/json");
        assertThat(a.header("X-Echo-Header")).isEqualTo("yes");
        first = a.header("X-Client-Port");
      }
      try (Http1Answer a = client.send(post("/echo", "{\"n\":2}"), SECOND, SECOND)) {
        a.body().readAllBytes();
        assertThat(a.header("X-Client-Port")).isEqualTo(first);
      }
    }
  }

  @Test
  void aStopThatComesAfterTheAnswerLeavesThePooledConnectionAlone() throws Exception {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      CallStop stop = new CallStop();
      String first =
          ScopedValue.where(CallStop.CURRENT, stop)
              .call(
                  () -> {
                    try (Http1Answer a = client.send(post("/echo", "1"), SECOND, SECOND)) {
                      a.body().readAllBytes();
                      return a.header("X-Client-Port");
                    }
                  });
      stop.stop(); // the client left after its answer was complete
      try (Http1Answer a = client.send(post("/echo", "2"), SECOND, SECOND)) {
        assertThat(new String(a.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(a.header("X-Client-Port")).isEqualTo(first); // the same connection, unharmed
      }
    }
  }

  @Test
  void aStopDuringTheExchangeEndsIt() throws Exception {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      CallStop stop = new CallStop();
      Thread.ofVirtual()
          .start(
              () -> {
                Eventually.sleep(300);
                stop.stop();
              });
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  ScopedValue.where(CallStop.CURRENT, stop)
                      .call(() -> client.send(post("/slow", ""), SECOND, Duration.ofSeconds(5))))
          .isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }
  }

  @Test
  void anAnswerLeftUnreadIsNotReused() throws Exception {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      String first;
      try (Http1Answer a = client.send(post("/big", ""), SECOND, SECOND)) {
        first = a.header("X-Client-Port");
        assertThat(a.body().read(new byte[10])).isEqualTo(10);
      }
      try (Http1Answer a = client.send(post("/echo", "x"), SECOND, SECOND)) {
        assertThat(new String(a.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(a.header("X-Client-Port")).isNotEqualTo(first);
      }
    }
  }

  @Test
  void aChunkedEventIsReadableBeforeTheServerPauses() throws Exception {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10));
        Http1Answer a = client.send(post("/chunks", ""), SECOND, Duration.ofSeconds(5))) {
      InputStream in = a.body();
      long start = System.nanoTime();
      byte[] first = new byte["data: one\n\n".length()];
      int n = in.readNBytes(first, 0, first.length);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
      assertThat(new String(first, 0, n, StandardCharsets.UTF_8)).isEqualTo("data: one\n\n");
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: two\n\n");
    }
  }

  @Test
  void aPooledConnectionTheServerDroppedIsReplacedWithoutAnError() throws Exception {
    // A raw server that answers one request per connection with keep-alive, then hangs up: the
    // second request finds its pooled connection closed and must go out again on a new one.
    try (java.net.ServerSocket raw =
            new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress());
        Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      Thread serverThread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 2; i++) {
                      try (java.net.Socket s = raw.accept()) {
                        var in =
                            new java.io.BufferedReader(
                                new java.io.InputStreamReader(
                                    s.getInputStream(), StandardCharsets.ISO_8859_1));
                        int length = 0;
                        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                          if (line.toLowerCase(java.util.Locale.ROOT)
                              .startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                          }
                        }
                        in.skip(length);
                        s.getOutputStream()
                            .write(
                                ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Conn: "
                                        + i
                                        + "\r\n\r\nok")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        Thread.sleep(200); // the client reads and pools the connection
                      } catch (Exception e) {
                        return;
                      }
                    }
                  });
      URI target = URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/mcp");
      var request = new Http1Client.Request("POST", target, List.of(), "{}".getBytes());
      try (Http1Answer a = client.send(request, SECOND, Duration.ofSeconds(5))) {
        assertThat(a.body().readAllBytes()).isEqualTo("ok".getBytes());
        assertThat(a.header("X-Conn")).isEqualTo("0");
      }
      Thread.sleep(400); // the server has hung up on the pooled connection by now
      try (Http1Answer a = client.send(request, SECOND, Duration.ofSeconds(5))) {
        assertThat(a.body().readAllBytes()).isEqualTo("ok".getBytes());
        assertThat(a.header("X-Conn")).isEqualTo("1");
      }
      serverThread.join(5_000);
    }
  }

  @Test
  void aSilentServerTimesOut() {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> client.send(post("/slow", ""), SECOND, Duration.ofMillis(300)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void nobodyListeningIsAConnectError() {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      var request =
          new Http1Client.Request("POST", URI.create("http://127.0.0.1:1/mcp"), List.of(), null);
      assertThatThrownBy(() -> client.send(request, SECOND, SECOND))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aConnectThatIsNeverAnsweredTimesOut() throws Exception {
    // A listener that never accepts, with its accept queue full: the kernel drops further SYNs.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      List<Socket> queued = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket s = new Socket();
          queued.add(s);
          try {
            s.connect(full.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException queueFull) {
            break;
          }
        }
        var request =
            new Http1Client.Request(
                "POST",
                URI.create("http://127.0.0.1:" + full.getLocalPort() + "/mcp"),
                List.of(),
                null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(request, Duration.ofMillis(300), SECOND))
            .isInstanceOf(ConnectException.class)
            .hasMessage("connect timed out after PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    }
  }

  @Test
  void aHeaderWithALineBreakIsRefused() {
    try (Http1Client client = new Http1Client(Duration.ofSeconds(10))) {
      var request =
          new Http1Client.Request(
              "POST", uri("/echo"), List.of(Map.entry("X-Test", "a\r\nX-Injected: 1")), null);
      assertThatThrownBy(() -> client.send(request, SECOND, SECOND))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
