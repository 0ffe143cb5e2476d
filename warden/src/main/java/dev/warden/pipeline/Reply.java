package dev.warden.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamReply;

/** What the pipeline answers; the edge turns it into HTTP. */
public sealed interface Reply {
  /** A result the gateway produced itself (initialize, lists, ping). */
  record Result(JsonNode result) implements Reply {}

  /** An upstream's reply, streamed to the client as it arrives. */
  record Relay(String server, UpstreamReply upstream) implements Reply {}

  /** The client's standalone event stream (GET) for this session is to be opened. */
  record Stream(Session session) implements Reply {}

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
