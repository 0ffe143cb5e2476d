package dev.warden.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * One closed loop of {@link LoadGenerator} over HTTP: its own MCP session in the 2025-11-25 era
 * (none in 2026-07-28), at most one tools/call in flight.
 */
final class Worker extends Loop implements Response.Listener {
  /** Null in the 2026-07-28 era. */
  final String session;

  private final HttpClient client;
  private final Endpoint endpoint;
  private final HttpField sessionField;
  private final HttpField auth;
  private final CallRequest call;
  private final ReplyCheck check;
  private long seq;
  private byte[] id;
  private long startNanos;
  private byte[] buffer = new byte[8192];
  private int length;

  Worker(
      HttpClient client,
      Endpoint endpoint,
      String session,
      CallRequest call,
      ReplyCheck check,
      RunState state) {
    super(state);
    this.client = client;
    this.endpoint = endpoint;
    this.session = session;
    this.sessionField = session == null ? null : new PreEncodedHttpField("Mcp-Session-Id", session);
    this.auth =
        endpoint.bearer() == null
            ? null
            : new PreEncodedHttpField(HttpHeader.AUTHORIZATION, "Bearer " + endpoint.bearer());
    this.call = call;
    this.check = check;
  }

  @Override
  void next() {
    if (ended()) {
      return;
    }
    id = Long.toString(++seq).getBytes(StandardCharsets.US_ASCII);
    length = 0;
    Request req =
        client
            .newRequest(endpoint.uri())
            .method(HttpMethod.POST)
            .timeout(30, TimeUnit.SECONDS)
            .headers(
                h -> {
                  for (HttpField f : call.headers()) {
                    h.put(f);
                  }
                  if (sessionField != null) {
                    h.put(sessionField);
                  }
                  if (auth != null) {
                    h.put(auth);
                  }
                })
            .body(new BytesRequestContent(LoadGenerator.JSON, call.body(id)));
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
    finished(nanos, problem);
    next();
  }
}
