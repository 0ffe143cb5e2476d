package dev.warden.gateway;

import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a request the route stage resolved to one server through the session's own upstream session
 * (opened lazily), and turns the upstream's failure into the client's error. A 2026-07-28 call is
 * registered for cancellation and may resume an input-required round.
 */
final class Forwarder {
  private final Map<String, UpstreamServer> upstreams;
  private final InputRequired inputRequired;

  Forwarder(Map<String, UpstreamServer> upstreams, InputRequired inputRequired) {
    this.upstreams = Map.copyOf(upstreams);
    this.inputRequired = inputRequired;
  }

  /** The session's upstream session with {@code server}, opened on first use. */
  UpstreamSession upstreamSession(Session session, String server) {
    UpstreamServer upstream = upstreams.get(server);
    return session.upstream(server, id -> upstream.newSession(session.profile()));
  }

  Reply forward(Exchange exchange, String server, byte[] request) {
    return forward(exchange, server, request, Map.of());
  }

  /** {@code headers}: the call's Mcp-Param headers, for an upstream of 2026-07-28. */
  Reply forward(Exchange exchange, String server, byte[] request, Map<String, String> headers) {
    boolean stateless = exchange.era() == ProtocolEra.STATELESS;
    CancellableCall cancellable = null;
    if (stateless) {
      cancellable = CancellableCall.register(exchange, server);
      Optional<Reply> resumed = inputRequired.resume(exchange, server);
      if (resumed.isPresent()) {
        return resumed.get() instanceof Reply.Relay r ? started(cancellable, r) : resumed.get();
      }
    }
    UpstreamSession upstreamSession = upstreamSession(exchange.session(), server);
    try {
      UpstreamReply reply =
          stateless
              ? cancellable.send(upstreamSession, request, headers)
              : ParamHeaders.sending(headers, () -> upstreamSession.send(request));
      return stateless
          ? started(
              cancellable,
              new Reply.Relay(
                  server, inputRequired.watch(exchange, server, upstreamSession, reply)))
          : new Reply.Relay(server, reply);
    } catch (UpstreamException e) {
      if (exchange.cancelled()) { // the client cancelled it: no upstream failure
        return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
      }
      String kind = e.kind().name().toLowerCase(Locale.ROOT);
      exchange.upstreamError(kind);
      exchange.decide(Exchange.Outcome.ERROR, "upstream:" + kind);
      return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
    }
  }

  /** A 2026-07-28 call's reply, which the client's cancellation aborts from now on. */
  private static Reply started(CancellableCall call, Reply.Relay relay) {
    call.started(relay.upstream());
    return relay;
  }
}
