package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rare events of an upstream's reply stream that need more than copying: requests the upstream
 * sends to the client (relayed under a gateway id on the same stream), and the upstream's
 * cancellation of such a request (its id mapped the same way). Kept apart from {@link ReplyWriter}
 * so that plain replies pay nothing for them.
 */
final class ServerRequestRelay {
  private static final String CANCELLED = "notifications/cancelled";

  private ServerRequestRelay() {}

  /** Relays a request to the client, or has it answered with an error; returns bytes written. */
  static long toClient(OutputStream out, Session session, String server, String request)
      throws IOException {
    Optional<ObjectNode> tree = tree(request);
    if (session == null || tree.isEmpty()) {
      return 0;
    }
    Optional<byte[]> relayed = session.serverRequests().open(server, tree.get());
    if (relayed.isEmpty()) {
      return 0;
    }
    return ReplyWriter.event(out, new String(relayed.get(), StandardCharsets.UTF_8));
  }

  /** Relays a notification; an upstream's cancellation of a relayed request gets its new id. */
  static long notification(
      OutputStream out, Session session, String server, JsonPeek peek, String data)
      throws IOException {
    if (session == null
        || !CANCELLED.equals(peek.method())
        || session.serverRequests().size() == 0) {
      return ReplyWriter.event(out, data);
    }
    Optional<ObjectNode> tree = tree(data);
    JsonNode params = tree.map(t -> t.get("params")).orElse(null);
    if (!(params instanceof ObjectNode p) || !p.has("requestId")) {
      return ReplyWriter.event(out, data);
    }
    Optional<String> id = session.serverRequests().relayedId(server, p.get("requestId"));
    if (id.isEmpty()) {
      return 0; // cancels nothing the client was asked: not the client's business
    }
    p.put("requestId", id.get());
    return ReplyWriter.event(
        out, new String(JsonRpcCodec.bytes(tree.get()), StandardCharsets.UTF_8));
  }

  private static Optional<ObjectNode> tree(String json) {
    try {
      return JsonRpcCodec.MAPPER.readTree(json) instanceof ObjectNode o
          ? Optional.of(o)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
