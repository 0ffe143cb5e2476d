package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.CallStop;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A 2026-07-28 client's call while it runs upstream, registered in its held session under the
 * client's request id so that the client's {@code notifications/cancelled} reaches the server that
 * runs it: a stateful server is told with its own {@code notifications/cancelled} for the id it was
 * sent (the one the client first used, across input_required retries); the upstream reply is then
 * aborted, which is how a 2026-07-28 server learns of a cancellation, and the client's stream ends
 * without an answer. Registered before the request goes out, and the sending is stoppable ({@link
 * CallStop}), so a cancellation that comes while the upstream has not begun its answer stops it.
 */
final class CancellableCall implements Consumer<String> {
  private static final String DEFAULT_REASON = "the client cancelled the request";

  private final Exchange exchange;
  private final Session session;
  private final String server;
  private volatile JsonNode upstreamId;
  private volatile UpstreamReply reply;
  private final CallStop stop = CallStop.nested();
  private volatile boolean cancelled;

  private CancellableCall(Exchange exchange, String server, JsonNode upstreamId) {
    this.exchange = exchange;
    this.session = exchange.session();
    this.server = server;
    this.upstreamId = upstreamId;
  }

  /** Registers the exchange's call to {@code server}, until its reply is out. */
  static CancellableCall register(Exchange exchange, String server) {
    CancellableCall call = new CancellableCall(exchange, server, exchange.message().id());
    Runnable remove = call.session.calls().add(exchange.message().id(), call);
    exchange.onComplete(e -> remove.run());
    return call;
  }

  /**
   * Sends the call; a cancellation that comes before the upstream began its answer stops the
   * exchange, and the send fails. {@code headers}: its Mcp-Param headers.
   */
  UpstreamReply send(UpstreamSession upstream, byte[] request, Map<String, String> headers)
      throws UpstreamException {
    return ScopedValue.where(CallStop.CURRENT, stop)
        .call(() -> ParamHeaders.sending(headers, () -> upstream.send(request)));
  }

  /**
   * The upstream's reply to the call, aborted at once when the client cancelled already. A reply
   * that resumes a parked call names the id the upstream knows that call by.
   */
  void started(UpstreamReply upstream) {
    this.upstreamId = upstream.upstreamId(upstreamId);
    this.reply = upstream;
    if (cancelled) {
      upstream.abort();
    }
  }

  @Override
  public void accept(String reason) {
    cancelled = true;
    exchange.cancel();
    session.cancelUpstream(
        server, upstreamId, reason == null || reason.isBlank() ? DEFAULT_REASON : reason);
    stop.stop();
    UpstreamReply r = reply;
    if (r != null) {
      r.abort();
    }
  }
}
