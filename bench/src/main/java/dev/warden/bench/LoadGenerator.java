package dev.warden.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
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
  private static final HttpField ACCEPT =
      new PreEncodedHttpField(HttpHeader.ACCEPT, "application/json, text/event-stream");
  private static final HttpField VERSION =
      new PreEncodedHttpField("MCP-Protocol-Version", PROTOCOL_VERSION);
  private static final String JSON = "application/json";
  private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int MAX_ERRORS_PER_WORKER = 100;

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
    RunState state = new RunState(concurrency);
    List<Worker> workers = new ArrayList<>();
    try {
      for (int i = 0; i < concurrency; i++) {
        workers.add(new Worker(endpoint, open(endpoint), callPrefix, check, state));
      }
      workers.forEach(Worker::next);
      Thread.sleep(warmup);
      Map<String, Long> cpuBefore = sample(watched);
      state.phase = RunState.MEASURE;
      long start = System.nanoTime();
      Thread.sleep(measure);
      state.phase = RunState.STOP;
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

  private static Map<String, Long> sample(Map<String, Long> watched) {
    Map<String, Long> out = new LinkedHashMap<>();
    watched.forEach((name, pid) -> out.put(name, ProcStat.cpuMicros(pid)));
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

  /** Shared by the workers of one run. */
  private static final class RunState {
    static final int WARMUP = 0;
    static final int MEASURE = 1;
    static final int STOP = 2;

    volatile int phase = WARMUP;
    final CountDownLatch done;

    RunState(int workers) {
      done = new CountDownLatch(workers);
    }
  }

  /** One closed loop: at most one call in flight; callbacks of one worker never overlap. */
  private final class Worker implements Response.Listener {
    final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    final String session;
    long calls;
    long errors;
    String firstError;

    private final Endpoint endpoint;
    private final HttpField sessionField;
    private final HttpField auth;
    private final byte[] callPrefix;
    private final ReplyCheck check;
    private final RunState state;
    private long seq;
    private byte[] id;
    private long startNanos;
    private byte[] buffer = new byte[8192];
    private int length;

    Worker(Endpoint endpoint, String session, String callPrefix, ReplyCheck check, RunState state) {
      this.endpoint = endpoint;
      this.session = session;
      this.sessionField = new PreEncodedHttpField("Mcp-Session-Id", session);
      this.auth =
          endpoint.bearer() == null
              ? null
              : new PreEncodedHttpField(HttpHeader.AUTHORIZATION, "Bearer " + endpoint.bearer());
      this.callPrefix = callPrefix.getBytes(StandardCharsets.UTF_8);
      this.check = check;
      this.state = state;
    }

    void next() {
      if (state.phase == RunState.STOP || errors >= MAX_ERRORS_PER_WORKER) {
        state.done.countDown();
        return;
      }
      id = Long.toString(++seq).getBytes(StandardCharsets.US_ASCII);
      byte[] body = new byte[callPrefix.length + id.length + 1];
      System.arraycopy(callPrefix, 0, body, 0, callPrefix.length);
      System.arraycopy(id, 0, body, callPrefix.length, id.length);
      body[body.length - 1] = '}';
      length = 0;
      Request req =
          client
              .newRequest(endpoint.uri())
              .method(HttpMethod.POST)
              .timeout(30, TimeUnit.SECONDS)
              .headers(
                  h -> {
                    h.put(ACCEPT);
                    h.put(VERSION);
                    h.put(sessionField);
                    if (auth != null) {
                      h.put(auth);
                    }
                  })
              .body(new BytesRequestContent(JSON, body));
      startNanos = System.nanoTime();
      req.send(this);
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
      int n = content.remaining();
      if (length + n > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
      }
      content.get(buffer, length, n);
      length += n;
    }

    @Override
    public void onComplete(Result result) {
      long nanos = System.nanoTime() - startNanos;
      String problem;
      if (result.isFailed()) {
        problem = "call failed: " + result.getFailure();
      } else {
        Response r = result.getResponse();
        problem =
            check.problem(
                r.getStatus(), r.getHeaders().get(HttpHeader.CONTENT_TYPE), buffer, length, id);
      }
      if (problem != null) {
        errors++;
        if (firstError == null) {
          firstError = problem;
        }
      } else if (state.phase == RunState.MEASURE) {
        latency.recordValue(Math.min(nanos, MAX_LATENCY_NANOS));
        calls++;
      }
      next();
    }
  }
}
