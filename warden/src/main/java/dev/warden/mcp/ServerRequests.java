package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.net.VirtualThreads;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests upstreams of one downstream session sent to its client (sampling, elicitation,
 * roots) and that wait for the client's answer. Each gets a gateway-wide unique id before it goes
 * to the client, so two upstreams cannot collide and an answer is only taken from the session the
 * request went to. Bounded in number; a request the client does not answer in time is answered to
 * the upstream with an error, so an upstream never waits forever.
 */
public final class ServerRequests {
  private static final Logger log = LoggerFactory.getLogger(ServerRequests.class);
  private static final AtomicLong IDS = new AtomicLong();
  private static final String PREFIX = "warden-s-";
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          VirtualThreads.builder().name("server-request-timer").factory());

  /** Methods an upstream may send to the client, and the client capability each needs. */
  private static final Map<String, String> NEEDS =
      Map.of(
          "sampling/createMessage", "sampling",
          "elicitation/create", "elicitation",
          "roots/list", "roots");

  private record Pending(String server, JsonNode upstreamId, ScheduledFuture<?> timeout) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Function<String, Optional<UpstreamSession>> upstreams;
  private final JsonNode capabilities;
  private final int max;
  private final Duration timeout;

  /**
   * {@code upstreams}: the session's open upstream session for a server id; {@code capabilities}:
   * what the client declared in initialize.
   */
  public ServerRequests(
      Function<String, Optional<UpstreamSession>> upstreams,
      JsonNode capabilities,
      int max,
      Duration timeout) {
    this.upstreams = upstreams;
    this.capabilities = capabilities;
    this.max = max;
    this.timeout = timeout;
  }

  /**
   * Takes a request an upstream sent to the client. Returns the message to send to the client (the
   * same request under a gateway id), or empty when it was answered here: a ping, or an error when
   * the client cannot take it.
   */
  public Optional<byte[]> open(String server, ObjectNode request) {
    JsonNode upstreamId = request.get("id");
    String method = request.path("method").asText("");
    if (method.equals("ping")) {
      answer(server, JsonRpcCodec.result(upstreamId, JsonNodeFactory.instance.objectNode()));
      return Optional.empty();
    }
    String needed = NEEDS.get(method);
    String refusal =
        needed == null
            ? "Warden does not relay " + method + " to the client"
            : !capabilities.has(needed)
                ? "the client did not declare the " + needed + " capability"
                : pending.size() >= max
                    ? "the client already has " + max + " requests to answer"
                    : null;
    if (refusal != null) {
      fail(server, upstreamId, JsonRpcError.METHOD_NOT_FOUND, refusal);
      return Optional.empty();
    }
    String id = PREFIX + IDS.incrementAndGet();
    ScheduledFuture<?> timer =
        TIMER.schedule(() -> expire(id), timeout.toMillis(), TimeUnit.MILLISECONDS);
    pending.put(id, new Pending(server, upstreamId, timer));
    ObjectNode relayed = request.deepCopy();
    relayed.put("id", id);
    return Optional.of(JsonRpcCodec.bytes(relayed));
  }

  /** Answers an upstream's request with an error saying why it cannot reach the client. */
  public void refuse(String server, ObjectNode request, String reason) {
    fail(server, request.get("id"), JsonRpcError.INTERNAL_ERROR, reason);
  }

  /**
   * Takes the client's answer and sends it to the upstream that asked, under the upstream's own id.
   * Returns an error for the client when its answer matches nothing this session is waiting for.
   */
  public Optional<JsonRpcError> answer(ObjectNode response) {
    JsonNode id = response.get("id");
    Pending p = id != null && id.isTextual() ? pending.remove(id.asText()) : null;
    if (p == null) {
      return Optional.of(
          new JsonRpcError(
              JsonRpcError.INVALID_REQUEST,
              "no request with id " + id + " is waiting for an answer in this session"));
    }
    p.timeout().cancel(false);
    ObjectNode forwarded = response.deepCopy();
    forwarded.set("id", p.upstreamId());
    answer(p.server(), JsonRpcCodec.bytes(forwarded));
    return Optional.empty();
  }

  /**
   * The gateway id under which the upstream's request {@code upstreamId} went to the client, so an
   * upstream's cancellation of it can be relayed; empty when none is pending.
   */
  public Optional<String> relayedId(String server, JsonNode upstreamId) {
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      if (e.getValue().server().equals(server) && e.getValue().upstreamId().equals(upstreamId)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  public int size() {
    return pending.size();
  }

  /** Answers every pending request with an error (the session ended). */
  public void failAll(String reason) {
    for (String id : pending.keySet()) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.timeout().cancel(false);
        fail(p.server(), p.upstreamId(), JsonRpcError.INTERNAL_ERROR, reason);
      }
    }
  }

  private void expire(String id) {
    Pending p = pending.remove(id);
    if (p != null) {
      VirtualThreads.builder()
          .start(
              () ->
                  fail(
                      p.server(),
                      p.upstreamId(),
                      JsonRpcError.INTERNAL_ERROR,
                      "the client did not answer within " + timeout));
    }
  }

  private void fail(String server, JsonNode upstreamId, int code, String message) {
    answer(server, JsonRpcCodec.error(upstreamId, new JsonRpcError(code, message)));
  }

  private void answer(String server, byte[] message) {
    Optional<UpstreamSession> s = upstreams.apply(server);
    if (s.isEmpty()) {
      return;
    }
    try {
      s.get().post(message);
    } catch (UpstreamException e) {
      log.debug("answer to {} not delivered: {}", server, e.getMessage());
    }
  }
}
