package dev.warden.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * One closed loop of {@link LoadGenerator}: its own MCP session, at most one tools/call in flight,
 * the next sent from the completion of the previous. Callbacks of one worker never overlap, so its
 * fields need no locking; the run reads them after {@link RunState#done} opens.
 */
final class Worker implements Response.Listener {
  private static final int MAX_ERRORS = 100;

  /** Shared by the workers of one run. */
  static final class RunState {
    static final int WARMUP = 0;
    static final int MEASURE = 1;
    static final int STOP = 2;

    volatile int phase = WARMUP;
    final CountDownLatch done;

    RunState(int workers) {
      done = new CountDownLatch(workers);
    }
  }

  final Histogram latency = new Histogram(LoadGenerator.MAX_LATENCY_NANOS, 3);
  final String session;
  long calls;
  long errors;
  String firstError;

  private final HttpClient client;
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

  /** {@code callPrefix}: the tools/call request up to its id, which ends the object. */
  Worker(
      HttpClient client,
      Endpoint endpoint,
      String session,
      String callPrefix,
      ReplyCheck check,
      RunState state) {
    this.client = client;
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

  /** Sends the next call, or ends this worker when the run stops. */
  void next() {
    if (state.phase == RunState.STOP || errors >= MAX_ERRORS) {
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
                  h.put(LoadGenerator.ACCEPT);
                  h.put(LoadGenerator.VERSION);
                  h.put(sessionField);
                  if (auth != null) {
                    h.put(auth);
                  }
                })
            .body(new BytesRequestContent(LoadGenerator.JSON, body));
    startNanos = System.nanoTime();
    req.send(this);
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    int n = content.remaining();
    if (length + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
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
      latency.recordValue(Math.min(nanos, LoadGenerator.MAX_LATENCY_NANOS));
      calls++;
    }
    next();
  }
}
