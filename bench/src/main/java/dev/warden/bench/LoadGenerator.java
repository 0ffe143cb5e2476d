package dev.warden.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Closed-loop load: {@code c} workers, each with its own MCP session, each sending its next
 * tools/call as soon as the previous reply is in, for a warm-up and then a measured window. Uses
 * Jetty's asynchronous HttpClient with keep-alive, so a worker costs no thread while it waits.
 * Every reply is checked; any error fails the run.
 */
final class LoadGenerator implements AutoCloseable {
  static final String PROTOCOL_VERSION = "2025-11-25";
  static final HttpField ACCEPT =
      new PreEncodedHttpField(HttpHeader.ACCEPT, "application/json, text/event-stream");
  static final HttpField VERSION =
      new PreEncodedHttpField("MCP-Protocol-Version", PROTOCOL_VERSION);
  static final String JSON = "application/json";
  static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

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
    ReplyCheck check =
        new ReplyCheck(new ToolReply(PayloadText.of(PayloadText.parseSize(payload))));
    String callPrefix =
        "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + endpoint.tool(payload)
            + "\",\"arguments\":{}},\"id\":";
    Worker.RunState state = new Worker.RunState(concurrency);
    List<Worker> workers = new ArrayList<>();
    try {
      for (int i = 0; i < concurrency; i++) {
        workers.add(new Worker(client, endpoint, open(endpoint), callPrefix, check, state));
      }
      workers.forEach(Worker::next);
      Thread.sleep(warmup);
      Map<String, Long> cpuBefore = sample(watched);
      state.phase = Worker.RunState.MEASURE;
      long start = System.nanoTime();
      Thread.sleep(measure);
      state.phase = Worker.RunState.STOP;
      long elapsed = System.nanoTime() - start;
      Map<String, Long> cpuAfter = sample(watched);
      if (!state.done.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("calls still in flight 60 s after the run ended");
      }
      Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
      long calls = 0;
      for (Worker w : workers) {
        if (w.errors > 0) {
          throw new IllegalStateException(
              endpoint.mode()
                  + " "
                  + payload
                  + " c="
                  + concurrency
                  + ": "
                  + errors(workers)
                  + " errors; first: "
                  + w.firstError);
        }
        latency.add(w.latency);
        calls += w.calls;
      }
      Map<String, Long> cpu = new LinkedHashMap<>();
      cpuAfter.forEach((name, after) -> cpu.put(name, after - cpuBefore.get(name)));
      return new Measurement(endpoint.mode(), payload, concurrency, calls, elapsed, latency, cpu);
    } finally {
      for (Worker w : workers) {
        end(endpoint, w.session);
      }
    }
  }

  private static long errors(List<Worker> workers) {
    return workers.stream().mapToLong(w -> w.errors).sum();
  }

  /** CPU time so far of each watched process, and of the whole machine under {@code machine}. */
  private static Map<String, Long> sample(Map<String, Long> watched) {
    Map<String, Long> out = new LinkedHashMap<>();
    watched.forEach((name, pid) -> out.put(name, ProcStat.cpuMicros(pid)));
    out.put(Measurement.MACHINE, ProcStat.machineBusyMicros());
    return out;
  }

  /** Opens an MCP session (initialize, then notifications/initialized); returns its id. */
  String open(Endpoint endpoint) throws Exception {
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
            + PROTOCOL_VERSION
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"warden-bench\",\"version\":\"1\"}}}";
    ContentResponse r = post(endpoint, null, init);
    String session = r.getHeaders().get("Mcp-Session-Id");
    if (r.getStatus() != 200 || session == null) {
      throw new IllegalStateException(
          endpoint.mode() + " initialize: HTTP " + r.getStatus() + " " + r.getContentAsString());
    }
    ContentResponse n =
        post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (n.getStatus() != 202) {
      throw new IllegalStateException(
          endpoint.mode() + " notifications/initialized: HTTP " + n.getStatus());
    }
    return session;
  }

  /** The raw tools/list reply of a session. */
  String listTools(Endpoint endpoint, String session) throws Exception {
    ContentResponse r =
        post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
    if (r.getStatus() != 200) {
      throw new IllegalStateException(endpoint.mode() + " tools/list: HTTP " + r.getStatus());
    }
    return r.getContentAsString();
  }

  /** Ends a session (DELETE); failures are ignored, the server forgets idle sessions anyway. */
  void end(Endpoint endpoint, String session) {
    try {
      Request req = client.newRequest(endpoint.uri()).method(HttpMethod.DELETE);
      req.headers(h -> headers(h, endpoint, session)).timeout(10, TimeUnit.SECONDS).send();
    } catch (Exception e) {
      // best effort
    }
  }

  private ContentResponse post(Endpoint endpoint, String session, String body) throws Exception {
    return client
        .newRequest(endpoint.uri())
        .method(HttpMethod.POST)
        .headers(h -> headers(h, endpoint, session))
        .body(new StringRequestContent(JSON, body, StandardCharsets.UTF_8))
        .timeout(30, TimeUnit.SECONDS)
        .send();
  }

  private static void headers(
      org.eclipse.jetty.http.HttpFields.Mutable h, Endpoint endpoint, String session) {
    h.put(ACCEPT);
    if (endpoint.bearer() != null) {
      h.put(HttpHeader.AUTHORIZATION, "Bearer " + endpoint.bearer());
    }
    if (session != null) {
      h.put("Mcp-Session-Id", session);
      h.put(VERSION);
    }
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}
