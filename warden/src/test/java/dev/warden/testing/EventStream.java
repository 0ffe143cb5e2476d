package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A standalone event stream (GET), read on a background thread as it arrives. */
public final class EventStream implements AutoCloseable {
  private final HttpResponse<InputStream> response;
  private final StringBuffer text = new StringBuffer();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();

  EventStream(HttpResponse<InputStream> response) {
    this.response = response;
    Thread.ofVirtual().name("raw-event-stream").start(this::read);
  }

  private void read() {
    try (InputStream in = response.body()) {
      byte[] buf = new byte[4096];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // closed by the test or the server; either way the stream has ended
    }
    ended.complete(null);
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse(null);
  }

  /** Everything received so far. */
  public String text() {
    return text.toString();
  }

  /** The JSON-RPC messages received so far. */
  public List<JsonNode> messages() {
    String t = text();
    int end = t.lastIndexOf("\n\n");
    return end < 0 ? List.of() : SseText.messages(t.substring(0, end + 2));
  }

  /** Completes when the server ends the stream. */
  public CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // already closed
    }
  }
}
