package dev.warden.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Closed-loop load over HTTP: {@code c} workers, each sending its next tools/call as soon as the
 * previous reply is in, for a warm-up and then a measured window. In the 2025-11-25 era each worker
 * has its own MCP session; in 2026-07-28 there is none, every request stands alone. Uses Jetty's
 * asynchronous HttpClient with keep-alive, so a worker costs no thread while it waits. Every reply
 * is checked; any error fails the run.
 */
final class LoadGenerator implements AutoCloseable {
  static final String JSON = "application/json";

  private final HttpClient client;

  LoadGenerator() throws Exception {
    client = new HttpClient();
    client.setMaxConnectionsPerDestination(1024);
    client.setMaxRequestsQueuedPerDestination(4096);
    client.setIdleTimeout(60_000);
    client.setUserAgentField(null);
    client.getContentDecoderFactories().clear(); // no Accept-Encoding: neither side compresses
    client.start();
  }

  /**
   * Runs {@code concurrency} workers calling the {@code payload} tool; CPU time of {@code watched}
   * processes (name to pid) is sampled at the edges of the measured window.
   */
  Measurement run(
      Endpoint endpoint,
      String payload,
      int concurrency,
      Duration warmup,
      Duration measure,
      Map<String, Long> watched)
      throws Exception {
    ReplyCheck check = ReplyCheck.of(payload, endpoint.era());
    CallRequest call = CallRequest.toolsCall(endpoint.era(), endpoint.tool(payload));
    Loop.RunState state = new Loop.RunState(concurrency);
    List<Worker> workers = new ArrayList<>();
    try {
      for (int i = 0; i < concurrency; i++) {
        String session = endpoint.stateless() ? null : open(endpoint);
        workers.add(new Worker(client, endpoint, session, call, check, state));
      }
      return Loop.measure(endpoint.mode(), payload, workers, state, warmup, measure, watched);
    } finally {
      for (Worker w : workers) {
        end(endpoint, w.session);
      }
    }
  }

  /** Opens an MCP session (initialize, then notifications/initialized); returns its id. */
  String open(Endpoint endpoint) throws Exception {
    if (endpoint.stateless()) {
      return null;
    }
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
            + BenchCase.Era.V2025.version
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"warden-bench\",\"version\":\"1\"}}}";
    ContentResponse r = post(endpoint, null, List.of(CallRequest.ACCEPT), init);
    String session = r.getHeaders().get("Mcp-Session-Id");
    if (r.getStatus() != 200 || session == null) {
      throw new IllegalStateException(
          endpoint.mode() + " initialize: HTTP " + r.getStatus() + " " + r.getContentAsString());
    }
    ContentResponse n =
        post(
            endpoint,
            session,
            CallRequest.toolsList(BenchCase.Era.V2025).headers(),
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (n.getStatus() != 202) {
      throw new IllegalStateException(
          endpoint.mode() + " notifications/initialized: HTTP " + n.getStatus());
    }
    return session;
  }

  /** The raw tools/list reply, in a session (2025-11-25) or stateless (2026-07-28, null). */
  String listTools(Endpoint endpoint, String session) throws Exception {
    CallRequest list = CallRequest.toolsList(endpoint.era());
    ContentResponse r = post(endpoint, session, list.headers(), list.body(1));
    if (r.getStatus() != 200) {
      throw new IllegalStateException(
          endpoint.mode() + " tools/list: HTTP " + r.getStatus() + " " + r.getContentAsString());
    }
    return r.getContentAsString();
  }

  /** Ends a session (DELETE); failures are ignored, the server forgets idle sessions anyway. */
  void end(Endpoint endpoint, String session) {
    if (session == null) {
      return;
    }
    try {
      Request req = client.newRequest(endpoint.uri()).method(HttpMethod.DELETE);
      req.headers(
              h -> headers(h, endpoint, session, CallRequest.toolsList(endpoint.era()).headers()))
          .timeout(10, TimeUnit.SECONDS)
          .send();
    } catch (Exception e) {
      // best effort
    }
  }

  private ContentResponse post(
      Endpoint endpoint, String session, List<HttpField> fields, String body) throws Exception {
    return client
        .newRequest(endpoint.uri())
        .method(HttpMethod.POST)
        .headers(h -> headers(h, endpoint, session, fields))
        .body(new StringRequestContent(JSON, body, StandardCharsets.UTF_8))
        .timeout(30, TimeUnit.SECONDS)
        .send();
  }

  private static void headers(
      HttpFields.Mutable h, Endpoint endpoint, String session, List<HttpField> fields) {
    fields.forEach(h::put);
    if (endpoint.bearer() != null) {
      h.put(HttpHeader.AUTHORIZATION, "Bearer " + endpoint.bearer());
    }
    if (session != null) {
      h.put("Mcp-Session-Id", session);
    }
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}
