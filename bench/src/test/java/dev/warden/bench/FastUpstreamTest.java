package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upstream speaks enough Streamable HTTP for a real client; checked here over the wire. */
class FastUpstreamTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesASessionAndExactPayloads() throws Exception {
    try (FastUpstream upstream = FastUpstream.start("127.0.0.1", 0, List.of("1k"))) {
      URI uri = URI.create("http://127.0.0.1:" + upstream.port() + "/mcp");
      HttpResponse<String> init =
          post(
              uri,
              null,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                  + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}");
      assertThat(init.statusCode()).isEqualTo(200);
      assertThat(init.body()).contains("\"tools\"");
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

      String note = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
      assertThat(post(uri, session, note).statusCode()).isEqualTo(202);
      assertThat(
              post(uri, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").body())
          .contains("\"payload_1k\"", "\"echo\"");

      String call =
          "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/call\","
              + "\"params\":{\"name\":\"payload_1k\",\"arguments\":{}}}";
      HttpResponse<String> reply = post(uri, session, call);
      assertThat(reply.body())
          .isEqualTo(new String(new ToolReply(PayloadText.of(1024)).bytes("\"x\"".getBytes())));

      String echo =
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
              + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
      assertThat(post(uri, session, echo).body()).contains("\"text\":\"hi\"");

      assertThat(post(uri, "nope", call).statusCode()).isEqualTo(404);
      assertThat(post(uri, null, call).statusCode()).isEqualTo(400);
      HttpRequest get = HttpRequest.newBuilder(uri).GET().build();
      assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
      HttpRequest delete =
          HttpRequest.newBuilder(uri).DELETE().header("Mcp-Session-Id", session).build();
      assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      assertThat(post(uri, session, call).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void answersStateless2026RequestsWithoutASession() throws Exception {
    try (FastUpstream upstream = FastUpstream.start("127.0.0.1", 0, List.of("1k"))) {
      URI uri = URI.create("http://127.0.0.1:" + upstream.port() + "/mcp");
      CallRequest call = CallRequest.toolsCall(BenchCase.Era.V2026, "payload_1k");
      HttpResponse<String> reply = postStateless(uri, call, call.body(5));
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body())
          .isEqualTo(new String(new ToolReply(PayloadText.of(1024), true).bytes("5".getBytes())));

      CallRequest list = CallRequest.toolsList(BenchCase.Era.V2026);
      assertThat(postStateless(uri, list, list.body(6)).body())
          .startsWith("{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{\"resultType\":\"complete\"")
          .contains("\"payload_1k\"");
      // Mcp-Method must name the body's method
      assertThat(postStateless(uri, list, call.body(7)).statusCode()).isEqualTo(400);
      // a method the stateless era does not have
      HttpRequest ping =
          HttpRequest.newBuilder(uri)
              .header("MCP-Protocol-Version", "2026-07-28")
              .header("Mcp-Method", "ping")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}"))
              .build();
      assertThat(http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> postStateless(URI uri, CallRequest request, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    request.headers().forEach(f -> b.header(f.getName(), f.getValue()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI uri, String session, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
