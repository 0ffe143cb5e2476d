package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.edge.http.EventData;
import dev.warden.edge.http.HttpRequest;
import dev.warden.edge.http.HttpResponse;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.TransportMethods;
import dev.warden.mcp.UpstreamReply;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Turns a pipeline {@link Reply} into HTTP, streaming upstream replies as they arrive. */
final class ReplyWriter {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";
  private static final int MAX_EVENT = 64 * 1024 * 1024;
  static final String DISCONNECTED = "the client disconnected";
  static final String CLIENT_GONE = "client:disconnected";
  private static final String CANCELLED = "client:cancelled";

  private final EventStreams streams;
  private final ListenStreams listens;
  private final CallKeepAlive keepAlive;

  ReplyWriter(EventStreams streams, ListenStreams listens, CallKeepAlive keepAlive) {
    this.streams = streams;
    this.listens = listens;
    this.keepAlive = keepAlive;
  }

  /** Writes the reply; returns the bytes of body written. */
  long write(HttpRequest request, HttpResponse response, Exchange exchange, Reply reply)
      throws IOException {
    JsonNode id = exchange.message().id();
    if (exchange.cancelled() && !(reply instanceof Reply.Relay)) {
      return cancelled(response, exchange);
    }
    return switch (reply) {
      case Reply.Result r -> {
        if (exchange.session() != null && "initialize".equals(exchange.method())) {
          response.header(SessionStage.HEADER, exchange.session().id());
        }
        yield json(
            response, 200, StatelessReplies.finish(exchange, JsonRpcCodec.result(id, r.result())));
      }
      case Reply.Relay r -> relay(response, exchange, r);
      case Reply.Rewritten r -> rewritten(response, exchange, r);
      case Reply.Accepted a -> {
        boolean delete = TransportMethods.END_SESSION.equals(exchange.method());
        response.status(delete ? 200 : 202);
        yield 0;
      }
      case Reply.Stream s -> streams.serve(response, s.session());
      case Reply.Listen l -> listens.serve(response, id, l);
      case Reply.Failure f -> json(response, f.httpStatus(), JsonRpcCodec.error(id, f.error()));
      case Reply.Denied d -> denied(request, response, exchange, d.denial());
    };
  }

  private long denied(HttpRequest request, HttpResponse response, Exchange exchange, Denial d)
      throws IOException {
    JsonNode id = exchange.message().id();
    return switch (d.kind()) {
      case UNAUTHENTICATED -> {
        response.header(
            "WWW-Authenticate",
            "Bearer resource_metadata=\""
                + ProtectedResource.metadataUrl(request, exchange.persona())
                + "\"");
        yield json(
            response,
            401,
            JsonRpcCodec.error(id, new JsonRpcError(JsonRpcError.INVALID_REQUEST, d.reason())));
      }
      case FORBIDDEN -> httpError(response, 403, id, JsonRpcError.INVALID_REQUEST, d.reason());
      case NOT_FOUND -> httpError(response, 404, id, JsonRpcError.SESSION_NOT_FOUND, d.reason());
      case BAD_REQUEST -> httpError(response, 400, id, JsonRpcError.INVALID_REQUEST, d.reason());
      case INVISIBLE ->
          json(
              response,
              200,
              JsonRpcCodec.error(id, new JsonRpcError(JsonRpcError.INVALID_PARAMS, d.reason())));
      case POLICY ->
          json(
              response,
              200,
              StatelessReplies.finish(
                  exchange, JsonRpcCodec.result(id, policyResult(exchange, d))));
    };
  }

  /** A denial the model can read: the rule, the reason and the record to look up. */
  static ObjectNode policyResult(Exchange exchange, Denial d) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ObjectNode text = result.putArray("content").addObject();
    text.put("type", "text");
    text.put("text", d.message(exchange.id()));
    result.put("isError", true);
    return result;
  }

  private static long httpError(
      HttpResponse response, int status, JsonNode id, int code, String message) throws IOException {
    return json(response, status, JsonRpcCodec.error(id, new JsonRpcError(code, message)));
  }

  static long json(HttpResponse response, int status, byte[] body) throws IOException {
    response.send(status, JSON, body);
    return body.length;
  }

  /**
   * The client cancelled the request while it ran upstream: no answer, as the protocol has it; an
   * event stream that ends with no event.
   */
  private static long cancelled(HttpResponse response, Exchange exchange) throws IOException {
    exchange.decide(Exchange.Outcome.OK, CANCELLED);
    eventStreamHeaders(response);
    response.body().close();
    return 0;
  }

  /** A reply a stage read and rewrote: same framing as the upstream used, notifications first. */
  private static long rewritten(HttpResponse response, Exchange exchange, Reply.Rewritten r)
      throws IOException {
    byte[] answer = StatelessReplies.finish(exchange, r.response());
    if (!r.eventStream()) {
      return json(response, 200, answer);
    }
    eventStreamHeaders(response);
    long written = 0;
    try (OutputStream out = response.body()) {
      for (byte[] n : r.notifications()) {
        String text = new String(n, StandardCharsets.UTF_8);
        if (!Era2026.stateless(exchange)
            || StatelessReplies.relays(exchange, JsonPeek.of(n).method(), text)) {
          written += event(out, text);
        }
      }
      return written + event(out, new String(answer, StandardCharsets.UTF_8));
    }
  }

  static void eventStreamHeaders(HttpResponse response) {
    response.status(200);
    response.header("Content-Type", EVENT_STREAM);
    response.header("Cache-Control", "no-cache");
    response.header("X-Accel-Buffering", "no");
  }

  private long relay(HttpResponse response, Exchange exchange, Reply.Relay relay)
      throws IOException {
    UpstreamReply upstream = relay.upstream();
    if (upstream.framing() == UpstreamReply.Framing.JSON) {
      try (upstream) {
        return relayJson(response, exchange, relay.server(), upstream);
      } catch (IOException e) {
        clientGone(exchange, relay, upstream);
        throw e;
      }
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    Runnable cancel =
        () -> {
          if (cancelled.compareAndSet(false, true)) {
            clientGone(exchange, relay, upstream);
          }
        };
    try (upstream) {
      eventStreamHeaders(response);
      return relayEvents(upstream, response.body(), cancel, exchange, relay.server());
    } catch (IOException e) {
      cancel.run();
      throw e;
    }
  }

  /** The client went away: tell the upstream, then stop its reply. */
  private static void clientGone(Exchange exchange, Reply.Relay relay, UpstreamReply upstream) {
    exchange.decide(Exchange.Outcome.ERROR, CLIENT_GONE);
    if (exchange.session() != null) {
      exchange
          .session()
          .cancelUpstream(
              relay.server(), upstream.upstreamId(exchange.message().id()), DISCONNECTED);
    }
    upstream.abort();
  }

  /**
   * A JSON reply is one message, read whole (bounded like an event) so that what is not the
   * response to this request never reaches the client: it gets an error naming the server instead.
   */
  private static long relayJson(
      HttpResponse response, Exchange exchange, String server, UpstreamReply upstream)
      throws IOException {
    long declared = upstream.length();
    boolean known = declared >= 0 && declared <= MAX_EVENT;
    if (known && !Era2026.stateless(exchange)) {
      return relayDeclared(response, exchange, server, upstream, (int) declared);
    }
    byte[] body;
    try {
      body = upstream.readWhole(MAX_EVENT);
    } catch (IOException e) {
      return brokenOff(response, exchange, server, e);
    }
    if (body.length > MAX_EVENT || !JsonPeek.of(body).answers(exchange.message().id())) {
      return json(response, 200, upstreamError(exchange, server, Broken.NOT_A_RESPONSE));
    }
    return json(response, 200, StatelessReplies.finish(exchange, body));
  }

  /**
   * A JSON answer of a declared length, relayed as it is: read straight into one array behind room
   * for the response head, which then leaves with it in one write without a copy.
   */
  private static long relayDeclared(
      HttpResponse response, Exchange exchange, String server, UpstreamReply upstream, int length)
      throws IOException {
    int off = HttpResponse.headRoom(length);
    byte[] framed = new byte[off + length];
    try {
      upstream.readFully(framed, off, length);
    } catch (IOException e) {
      return brokenOff(response, exchange, server, e);
    }
    if (!JsonPeek.of(framed, off, length).answers(exchange.message().id())) {
      return json(response, 200, upstreamError(exchange, server, Broken.NOT_A_RESPONSE));
    }
    response.send(200, JSON, framed, off, length);
    return length;
  }

  private static long brokenOff(
      HttpResponse response, Exchange exchange, String server, IOException e) throws IOException {
    return exchange.cancelled()
        ? cancelled(response, exchange)
        : json(response, 200, upstreamError(exchange, server, Broken.of(e)));
  }

  /**
   * Relays notifications and then the response to this request. Events that are not JSON-RPC, or
   * answer another request, are dropped; a stream that ends or breaks before the response gets an
   * error event in its place, so the client is never left waiting.
   */
  private long relayEvents(
      UpstreamReply upstream, OutputStream out, Runnable cancel, Exchange exchange, String server)
      throws IOException {
    long written = 0;
    JsonNode id = exchange.message().id();
    // closed in reverse order: the watch ends before the body does
    try (out;
        CallKeepAlive.Watch watch = keepAlive.watch(out, cancel)) {
      SseReader events = new SseReader(upstream.body(), MAX_EVENT);
      while (true) {
        SseEvent e;
        try {
          e = events.next();
        } catch (IOException broke) {
          if (watch.clientGone()) {
            throw new IOException(DISCONNECTED, broke); // the upstream was stopped for it
          }
          Broken why = Broken.of(broke);
          return written + watch.write(() -> errorEvent(out, exchange, server, why));
        }
        if (e == null) {
          return written
              + watch.write(() -> errorEvent(out, exchange, server, Broken.NOT_A_RESPONSE));
        }
        if (!e.isMessage() || e.data().isBlank()) {
          continue;
        }
        JsonPeek peek = JsonPeek.of(e.data());
        if (peek.isServerRequest()) {
          String data = e.data();
          written +=
              watch.write(() -> ServerRequestRelay.toClient(out, exchange.session(), server, data));
        } else if (peek.isNotification()) {
          if (StatelessReplies.relays(exchange, peek.method(), e.data())) {
            String data = e.data();
            written +=
                watch.write(
                    () ->
                        ServerRequestRelay.notification(
                            out, exchange.session(), server, peek, data));
          }
        } else if (peek.answers(id)) {
          String answer = StatelessReplies.finish(exchange, e.data());
          return written + watch.write(() -> event(out, answer));
        }
      }
    }
  }

  /** Why an upstream's answer could not be relayed: the audit rule and what the agent is told. */
  private record Broken(String rule, String what) {
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

  private static long errorEvent(OutputStream out, Exchange exchange, String server, Broken why)
      throws IOException {
    if (exchange.cancelled()) {
      exchange.decide(Exchange.Outcome.OK, CANCELLED);
      return 0; // a cancelled request gets no answer: its stream just ends
    }
    return event(out, new String(upstreamError(exchange, server, why), StandardCharsets.UTF_8));
  }

  /** The error the client gets in place of an answer the upstream failed to give. */
  private static byte[] upstreamError(Exchange exchange, String server, Broken why) {
    exchange.decide(Exchange.Outcome.ERROR, why.rule());
    return JsonRpcCodec.error(
        exchange.message().id(),
        new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, "upstream '" + server + "' " + why.what()));
  }

  /** Writes one SSE event; multi-line data is split into data lines. */
  static long event(OutputStream out, String data) throws IOException {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    long n = EventData.write(out, bytes, 0, bytes.length);
    out.flush();
    return n;
  }
}
