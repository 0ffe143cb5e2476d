package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.EventFeed;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stateful upstream's event stream as a 2026-07-28 client may receive it. Notifications pass
 * through; the response passes with the id of the client's request; a request the upstream sends
 * the client (sampling, elicitation, roots) ends the stream with an {@code input_required} result
 * while the upstream call stays open, parked in {@link InputRequired}, until the client retries
 * with the answer. A request the client cannot answer is refused to the upstream at once, which
 * then answers the call itself.
 */
final class ParkingStream extends EventFeed {
  /** Methods an upstream may ask the client, and the client capability each needs. */
  static final Map<String, String> NEEDS =
      Map.of(
          "sampling/createMessage", "sampling",
          "elicitation/create", "elicitation",
          "roots/list", "roots");

  private static final int MAX_EVENT = 64 * 1024 * 1024;

  final InputRequired registry;
  final InputRequired.Call call;
  final UpstreamReply upstream;
  final SseReader events;
  private final JsonNode clientId;
  private final JsonNode capabilities;
  private volatile boolean parked;

  ParkingStream(
      InputRequired registry,
      InputRequired.Call call,
      UpstreamReply upstream,
      SseReader events,
      JsonNode clientId,
      JsonNode capabilities) {
    this.registry = registry;
    this.call = call;
    this.upstream = upstream;
    this.events = events == null ? new SseReader(upstream.body(), MAX_EVENT) : events;
    this.clientId = clientId;
    this.capabilities = capabilities;
  }

  /** Closing after the call was parked leaves the upstream call open for the retry. */
  @Override
  public void close() {
    if (!parked) {
      upstream.close();
    }
  }

  /** The client went away: a parked call is dropped too. */
  void abort() {
    if (!parked) {
      upstream.abort();
    }
  }

  @Override
  protected void fill() throws IOException {
    SseEvent e = events.next();
    if (e == null) {
      end();
      return;
    }
    if (!e.isMessage() || e.data().isBlank()) {
      return;
    }
    ObjectNode m = parse(e.data());
    if (m == null) {
      return;
    }
    boolean hasMethod = m.path("method").isTextual();
    if (hasMethod && m.hasNonNull("id")) {
      ask(m);
    } else if (hasMethod) {
      emit(e.data());
    } else if (m.has("result") || m.has("error")) {
      if (m.get("id") != null && m.get("id").equals(call.upstreamId())) {
        m.set("id", clientId);
        emit(new String(JsonRpcCodec.bytes(m), StandardCharsets.UTF_8));
        end();
      }
    }
  }

  /** A request from the upstream: parked as input_required, or refused at once. */
  private void ask(ObjectNode request) {
    String method = request.path("method").asText();
    if (method.equals("ping")) {
      answer(JsonRpcCodec.result(request.get("id"), JsonNodeFactory.instance.objectNode()));
      return;
    }
    String needed = NEEDS.get(method);
    String refusal =
        needed == null
            ? "Warden does not relay " + method + " to the client"
            : !capabilities.has(needed)
                ? "the client did not declare the " + needed + " capability"
                : null;
    if (refusal == null) {
      java.util.Optional<ObjectNode> result = registry.park(this, request);
      if (result.isPresent()) {
        parked = true;
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", clientId);
        response.set("result", result.get());
        emit(new String(JsonRpcCodec.bytes(response), StandardCharsets.UTF_8));
        end();
        return;
      }
      refusal = "the client already has " + InputRequired.MAX_PER_SESSION + " calls waiting";
    }
    answer(
        JsonRpcCodec.error(
            request.get("id"), new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, refusal)));
  }

  void answer(byte[] message) {
    try {
      call.upstreamSession().post(message);
    } catch (UpstreamException e) {
      // the upstream is gone; its reply stream ends and the client gets an error for the call
    }
  }

  UpstreamSession upstreamSession() {
    return call.upstreamSession();
  }

  private void emit(String data) {
    emit(("data: " + data.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode parse(String data) {
    try {
      return JsonRpcCodec.MAPPER.readTree(data) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }
}
