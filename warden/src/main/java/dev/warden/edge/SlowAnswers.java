package dev.warden.edge;

import dev.warden.edge.http.HttpResponse;
import dev.warden.mcp.CallStop;
import dev.warden.mcp.Session;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.Reply;

/**
 * Runs a request through the pipeline while its answer has not begun, watched like a silent call
 * stream (RELAY.md, "Disconnects"). Many servers send nothing until a tool finishes, and an answer
 * read whole (for inspection) sends nothing to the client until it is complete: without a watch, a
 * client that left such a call would be noticed only when its answer came. After a keep-alive
 * period the response turns into an event stream with a comment and a probe; a client found gone
 * has the call cancelled upstream ({@code notifications/cancelled} on a stateful session, and the
 * exchange in progress stopped), audited as {@code client:disconnected}.
 *
 * <p>{@code initialize} is left alone: its answer carries the session header, which an event stream
 * begun early would have sent without.
 */
final class SlowAnswers {
  private final CallKeepAlive keepAlive;

  SlowAnswers(CallKeepAlive keepAlive) {
    this.keepAlive = keepAlive;
  }

  /** The pipeline's reply; {@code response} may have become an event stream meanwhile. */
  Reply run(Pipeline pipeline, Exchange exchange, HttpResponse response) {
    if (!exchange.message().isRequest() || "initialize".equals(exchange.method())) {
      return pipeline.run(exchange);
    }
    CallStop stop = new CallStop();
    CallKeepAlive.Watch watch = keepAlive.pending(response, () -> gone(exchange, stop));
    Reply reply;
    try (watch) {
      reply = ScopedValue.where(CallStop.CURRENT, stop).call(() -> pipeline.run(exchange));
    }
    if (watch.clientGone()) {
      exchange.decide(Exchange.Outcome.ERROR, ReplyWriter.CLIENT_GONE); // over the failed send's
    }
    return reply;
  }

  private static void gone(Exchange exchange, CallStop stop) {
    exchange.decide(Exchange.Outcome.ERROR, ReplyWriter.CLIENT_GONE);
    Session session = exchange.session();
    String server = exchange.server();
    if (session != null && !server.isEmpty()) {
      session.cancelUpstream(server, exchange.message().id(), ReplyWriter.DISCONNECTED);
    }
    stop.stop();
  }
}
