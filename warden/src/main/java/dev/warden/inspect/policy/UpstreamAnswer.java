package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.Session;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * An upstream's reply read whole, so it can be inspected before any of it reaches the agent: the
 * response to the request, and (for SSE) the notifications that came before it, in order. Bounded
 * like the edge's relay; what is not JSON-RPC, or answers another request, is dropped.
 */
record UpstreamAnswer(
    List<ObjectNode> notifications,
    Optional<ObjectNode> response,
    byte[] raw,
    boolean eventStream,
    Optional<Broken> broken) {
  static final int MAX_MESSAGE = 64 * 1024 * 1024;

  /** Why there is no response: the audit rule and what the agent is told. */
  record Broken(String rule, String what) {
    static final Broken NOT_A_RESPONSE =
        new Broken("upstream:protocol", "did not answer with a JSON-RPC response");

    static Broken of(IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TimeoutException) {
          return new Broken("upstream:timeout", "did not finish its answer in time");
        }
      }
      return new Broken("upstream:unreachable", "broke off its answer");
    }
  }

  /** The answer; {@code broken} when the upstream broke off or never answered this request. */
  static UpstreamAnswer read(UpstreamReply reply, JsonNode id, Session session, String server) {
    try (reply) {
      if (reply.framing() == UpstreamReply.Framing.JSON) {
        byte[] body;
        try {
          body = reply.readWhole(MAX_MESSAGE);
        } catch (IOException e) {
          return failed(List.of(), false, Broken.of(e));
        }
        Optional<ObjectNode> m =
            body.length > MAX_MESSAGE ? Optional.empty() : parse(body).filter(r -> answers(r, id));
        return m.isEmpty()
            ? failed(List.of(), false, Broken.NOT_A_RESPONSE)
            : new UpstreamAnswer(List.of(), m, body, false, Optional.empty());
      }
      return events(reply, id, session, server);
    }
  }

  private static UpstreamAnswer failed(List<ObjectNode> notes, boolean sse, Broken why) {
    return new UpstreamAnswer(notes, Optional.empty(), null, sse, Optional.of(why));
  }

  private static UpstreamAnswer events(
      UpstreamReply reply, JsonNode id, Session session, String server) {
    SseReader events = new SseReader(reply.body(), MAX_MESSAGE);
    List<ObjectNode> notifications = new ArrayList<>();
    long total = 0;
    while (true) {
      SseEvent e;
      try {
        e = events.next();
      } catch (IOException broke) {
        return failed(notifications, true, Broken.of(broke));
      }
      if (e == null) {
        return failed(notifications, true, Broken.NOT_A_RESPONSE);
      }
      total += e.data().length();
      if (total > MAX_MESSAGE) {
        return failed(List.of(), true, Broken.NOT_A_RESPONSE);
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
        toEventStream(session, server, msg);
      } else if (hasMethod) {
        notifications.add(msg);
      } else if (answers(msg, id)) {
        return new UpstreamAnswer(notifications, Optional.of(msg), null, true, Optional.empty());
      }
    }
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

  /**
   * A reply that is read whole before the client sees any of it cannot carry a request the upstream
   * waits on: such requests go to the client's standalone event stream (GET) when it has one open,
   * and are otherwise answered with an error, never left unanswered.
   */
  private static void toEventStream(Session session, String server, ObjectNode request) {
    if (session == null) {
      return;
    }
    if (!session.hasEventStream()) {
      session.serverRequests().refuse(server, request, REFUSED);
      return;
    }
    session.serverRequests().open(server, request).ifPresent(session::broadcast);
  }

  private static final String REFUSED =
      "the gateway inspects this server's answers whole and the client has no event stream open"
          + " to receive the request on";
}
