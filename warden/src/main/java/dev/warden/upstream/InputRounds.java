package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.EventFeed;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.Session;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reply of a stateless upstream as a stateful client expects it. Results lose {@code
 * resultType}, {@code ttlMs} and {@code cacheScope}; an {@code input_required} result becomes one
 * request to the client per input request, sent on the reply's event stream under a gateway id, and
 * once every answer is in, the original request is retried upstream with {@code inputResponses}
 * (and the {@code requestState} echoed) and its reply relayed in turn. The final response carries
 * the id the client's request had. Bounded: at most {@link #MAX_ROUNDS} rounds, and an answer that
 * does not come in time ends the call with an error.
 */
final class InputRounds extends EventFeed {
  static final int MAX_ROUNDS = 8;

  /** The client's own deadline (a person may be asked) and a little more. */
  static final Duration ANSWER_WAIT = Session.ANSWER_TIMEOUT.plusSeconds(15);

  private static final AtomicLong IDS = new AtomicLong();
  private static final String INPUT_REQUIRED = "input_required";

  private final StatelessHttpSession session;
  private final ObjectNode request;
  private final JsonNode clientId;

  /** The call's Mcp-Param headers, sent again with each retry. */
  private final Map<String, String> paramHeaders = ParamHeaders.current();

  private UpstreamReply current;
  private SseReader events;
  private ObjectNode single;
  private Map<String, Asked> round;
  private ObjectNode roundResult;
  private int rounds;

  private record Asked(String id, String method, CompletableFuture<ObjectNode> answer) {}

  private InputRounds(StatelessHttpSession session, ObjectNode request, UpstreamReply reply) {
    this.session = session;
    this.request = request;
    this.clientId = request.get("id");
    follow(reply);
  }

  /** The stateless upstream's reply to {@code request}, adapted for the stateful era. */
  static UpstreamReply adapt(StatelessHttpSession session, ObjectNode request, UpstreamReply reply)
      throws UpstreamException {
    if (reply.framing() == UpstreamReply.Framing.JSON) {
      byte[] body;
      try (reply) {
        body = reply.readWhole(ReplyReader.MAX_MESSAGE);
      } catch (IOException e) {
        throw new UpstreamException(
            session.server(), UpstreamException.Kind.UNREACHABLE, "broke off its answer", e);
      }
      ObjectNode m = parse(body);
      if (m == null || !isInputRequired(m)) {
        byte[] out = m != null && strip(m) ? JsonRpcCodec.bytes(m) : body;
        return new UpstreamReply(
            UpstreamReply.Framing.JSON, new ByteArrayInputStream(out), () -> {});
      }
      InputRounds rounds = new InputRounds(session, request, null);
      rounds.single = m;
      return new UpstreamReply(UpstreamReply.Framing.SSE, rounds, rounds::abort);
    }
    InputRounds rounds = new InputRounds(session, request, reply);
    return new UpstreamReply(UpstreamReply.Framing.SSE, rounds, rounds::abort);
  }

  @Override
  public void close() {
    if (!ended()) {
      abort();
    }
  }

  void abort() {
    end();
    if (round != null) {
      round.values().forEach(a -> session.forget(a.id()));
    }
    if (current != null) {
      current.abort();
    }
  }

  private void follow(UpstreamReply reply) {
    current = reply;
    events =
        reply != null && reply.framing() == UpstreamReply.Framing.SSE
            ? new SseReader(reply.body(), ReplyReader.MAX_MESSAGE)
            : null;
  }

  @Override
  protected void fill() throws IOException {
    if (round != null) {
      retry();
      return;
    }
    ObjectNode m = next();
    if (m == null) {
      end(); // the stream ended without a response: the relay reports it
      return;
    }
    if (m.has("method")) {
      // A stateless server sends no requests; notifications (progress, log) go on as they are.
      emit(m.has("id") ? null : m);
    } else if (isInputRequired(m)) {
      ask(m);
    } else {
      strip(m);
      m.set("id", clientId);
      emit(m);
      end();
    }
  }

  private ObjectNode next() throws IOException {
    if (single != null) {
      ObjectNode m = single;
      single = null;
      return m;
    }
    if (events == null) {
      return null;
    }
    for (SseEvent e = events.next(); e != null; e = events.next()) {
      if (e.isMessage() && !e.data().isBlank()) {
        ObjectNode m = parse(e.data().getBytes(StandardCharsets.UTF_8));
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  /** Sends the client one request per input request and remembers what it waits for. */
  private void ask(ObjectNode response) {
    if (current != null) {
      current.close();
    }
    if (++rounds > MAX_ROUNDS) {
      fail("asked for input more than " + MAX_ROUNDS + " times for one request");
      return;
    }
    ObjectNode result = (ObjectNode) response.get("result");
    round = new LinkedHashMap<>();
    roundResult = result;
    StringBuilder out = new StringBuilder();
    JsonNode asks = result.path("inputRequests");
    for (Iterator<Map.Entry<String, JsonNode>> it = asks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = "warden-in-" + IDS.incrementAndGet();
      String method = e.getValue().path("method").asText("");
      round.put(e.getKey(), new Asked(id, method, session.await(id)));
      ObjectNode ask = JsonNodeFactory.instance.objectNode();
      ask.put("jsonrpc", "2.0");
      ask.put("id", id);
      ask.put("method", method);
      if (e.getValue().get("params") instanceof ObjectNode params) {
        ask.set("params", params);
      }
      out.append(event(ask));
    }
    set(out.toString());
  }

  /** Waits for the client's answers, then retries the original request with them. */
  private void retry() {
    ObjectNode responses = JsonNodeFactory.instance.objectNode();
    long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
    Map<String, Asked> asked = round;
    round = null;
    for (Map.Entry<String, Asked> e : asked.entrySet()) {
      Asked a = e.getValue();
      ObjectNode answer;
      try {
        answer = a.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException
          | InterruptedException
          | java.util.concurrent.ExecutionException ex) {
        asked.values().forEach(x -> session.forget(x.id()));
        fail("the client did not answer " + a.method() + " within " + ANSWER_WAIT);
        return;
      } catch (java.util.concurrent.CancellationException ex) {
        fail("the session ended while the client was asked for " + a.method());
        return;
      }
      if (!(answer.get("result") instanceof ObjectNode result)) {
        asked.values().forEach(x -> session.forget(x.id()));
        fail(
            "asked the client for "
                + a.method()
                + ", which it could not answer: "
                + answer.path("error").path("message").asText("no result"));
        return;
      }
      responses.set(e.getKey(), result);
    }
    ObjectNode again = request.deepCopy();
    again.put("id", "warden-retry-" + IDS.incrementAndGet());
    ObjectNode params = (ObjectNode) again.get("params");
    params.set("inputResponses", responses);
    if (roundResult.path("requestState").isTextual()) {
      params.set("requestState", roundResult.get("requestState"));
    }
    try {
      UpstreamReply reply = ParamHeaders.sending(paramHeaders, () -> session.exchange(again));
      follow(reply);
      if (reply.framing() == UpstreamReply.Framing.JSON) {
        try (reply) {
          single = parse(reply.readWhole(ReplyReader.MAX_MESSAGE));
        }
        if (single == null) {
          fail("did not answer the retried request with JSON-RPC");
        }
      }
    } catch (UpstreamException | IOException e) {
      fail("broke off the retried request: " + e.getMessage());
    }
  }

  private void fail(String why) {
    end();
    byte[] error =
        JsonRpcCodec.error(
            clientId,
            new JsonRpcError(
                JsonRpcError.UPSTREAM_ERROR, "upstream '" + session.server() + "' " + why));
    set(eventText(new String(error, StandardCharsets.UTF_8)));
  }

  private void emit(ObjectNode message) {
    set(message == null ? "" : event(message));
  }

  private void set(String text) {
    emit(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String event(ObjectNode message) {
    return eventText(new String(JsonRpcCodec.bytes(message), StandardCharsets.UTF_8));
  }

  private static String eventText(String json) {
    return "data: " + json + "\n\n";
  }

  static boolean isInputRequired(ObjectNode m) {
    return INPUT_REQUIRED.equals(m.path("result").path("resultType").asText(null));
  }

  /**
   * Removes the members a stateful client has no use for: the result type (always complete here)
   * and the cache hints. True when something was removed. A Task (tasks extension: a {@code
   * CreateTaskResult} or a {@code tasks/get} answer) is kept whole: its {@code ttlMs} is the task's
   * lifetime, not a cache hint, and only a client that declared the extension is given one.
   */
  static boolean strip(ObjectNode m) {
    if (!(m.get("result") instanceof ObjectNode result) || result.has("taskId")) {
      return false;
    }
    boolean changed = result.remove("resultType") != null;
    changed |= result.remove("ttlMs") != null;
    changed |= result.remove("cacheScope") != null;
    return changed;
  }

  private static ObjectNode parse(byte[] bytes) {
    try {
      return JsonRpcCodec.MAPPER.readTree(bytes) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }
}
