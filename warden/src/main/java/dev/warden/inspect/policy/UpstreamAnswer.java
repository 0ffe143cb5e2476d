package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.Session;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An upstream's reply read whole, so it can be inspected before any of it reaches the agent: the
 * response to the request, and (for SSE) the notifications that came before it, in order. Bounded
 * like the edge's relay; what is not JSON-RPC, or answers another request, is dropped.
 */
record UpstreamAnswer(
    List<ObjectNode> notifications, ObjectNode response, byte[] raw, boolean eventStream) {
  static final int MAX_MESSAGE = 64 * 1024 * 1024;

  /** The answer, or empty when the upstream broke off or never answered this request. */
  static Optional<UpstreamAnswer> read(
      UpstreamReply reply, JsonNode id, Session session, String server) throws IOException {
    try (reply) {
      if (reply.framing() == UpstreamReply.Framing.JSON) {
        byte[] body = reply.body().readNBytes(MAX_MESSAGE + 1);
        if (body.length > MAX_MESSAGE) {
          return Optional.empty();
        }
        return parse(body)
            .filter(m -> answers(m, id))
            .map(m -> new UpstreamAnswer(List.of(), m, body, false));
      }
      return events(reply, id, session, server);
    }
  }

  private static Optional<UpstreamAnswer> events(
      UpstreamReply reply, JsonNode id, Session session, String server) throws IOException {
    SseReader events = new SseReader(reply.body(), MAX_MESSAGE);
    List<ObjectNode> notifications = new ArrayList<>();
    long total = 0;
    for (SseEvent e = events.next(); e != null; e = events.next()) {
      total += e.data().length();
      if (total > MAX_MESSAGE) {
        return Optional.empty();
      }
      if (!e.isMessage() || e.data().isBlank()) {
        continue;
      }
      Optional<ObjectNode> m = parse(e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (m.isEmpty()) {
        continue;
      }
      ObjectNode msg = m.get();
      boolean hasMethod = msg.path("method").isTextual();
      if (hasMethod && msg.hasNonNull("id")) {
        refuse(session, server, msg.get("id"));
      } else if (hasMethod) {
        notifications.add(msg);
      } else if (answers(msg, id)) {
        return Optional.of(new UpstreamAnswer(notifications, msg, null, true));
      }
    }
    return Optional.empty();
  }

  private static boolean answers(ObjectNode m, JsonNode id) {
    return id != null && id.equals(m.get("id")) && (m.has("result") || m.has("error"));
  }

  private static Optional<ObjectNode> parse(byte[] bytes) {
    try {
      return JsonRpcCodec.MAPPER.readTree(bytes) instanceof ObjectNode o
          ? Optional.of(o)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Server-to-client requests are not relayed; the upstream gets an error, never silence. */
  private static void refuse(Session session, String server, JsonNode id) {
    if (session == null) {
      return;
    }
    session
        .openedUpstream(server)
        .ifPresent(
            s -> {
              try {
                s.post(
                    JsonRpcCodec.error(
                        id,
                        new JsonRpcError(
                            JsonRpcError.METHOD_NOT_FOUND, "Warden does not relay this request")));
              } catch (Exception ex) {
                // The upstream will time the request out on its own.
              }
            });
  }
}
