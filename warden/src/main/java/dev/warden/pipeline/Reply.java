package dev.warden.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ListenUpstreams;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamReply;
import java.util.List;

/** What the pipeline answers; the edge turns it into HTTP. */
public sealed interface Reply {
  /** A result the gateway produced itself (initialize, lists, ping). */
  record Result(JsonNode result) implements Reply {}

  /** An upstream's reply, streamed to the client as it arrives. */
  record Relay(String server, UpstreamReply upstream) implements Reply {}

  /**
   * An upstream's reply that a stage read whole and rewrote: the notifications that came before the
   * response (kept in order) and the response itself, each one serialized JSON-RPC message. {@code
   * eventStream}: the upstream answered with SSE, and so does the gateway.
   */
  record Rewritten(String server, List<byte[]> notifications, byte[] response, boolean eventStream)
      implements Reply {
    public Rewritten {
      notifications = List.copyOf(notifications);
    }
  }

  /** The client's standalone event stream (GET) for this session is to be opened. */
  record Stream(Session session) implements Reply {}

  /**
   * A 2026-07-28 {@code subscriptions/listen} stream on the gateway-held {@code session}: the
   * notifications in {@code filter} (a SubscriptionFilter, as agreed) go out until either side ends
   * it; {@code own}: what was opened upstream for this stream alone, closed when it ends.
   */
  record Listen(Session session, JsonNode filter, ListenUpstreams own) implements Reply {}

  /** A notification or response taken in: HTTP 202, no body. */
  record Accepted() implements Reply {}

  /** A refusal by policy, identity or session rules. */
  record Denied(Denial denial) implements Reply {}

  /** A protocol error answered as a JSON-RPC error (HTTP 200 unless {@code httpStatus} says). */
  record Failure(JsonRpcError error, int httpStatus) implements Reply {
    public Failure(JsonRpcError error) {
      this(error, 200);
    }
  }

  static Reply denied(Denial.Kind kind, String rule, String reason) {
    return new Denied(new Denial(kind, rule, reason));
  }
}
