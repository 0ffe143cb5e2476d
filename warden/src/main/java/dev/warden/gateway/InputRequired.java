package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests a stateful upstream sends during a call of a 2026-07-28 client, bridged to that era's
 * multi round-trip pattern: the client gets an {@code input_required} result whose {@code
 * requestState} names the upstream call, which stays open here; the client's retry with {@code
 * inputResponses} and that {@code requestState} answers the upstream and receives the rest of the
 * original call. Parked calls live in this gateway process only, are bounded per (agent, persona),
 * and are dropped (the upstream's request answered with an error, its call aborted) when the retry
 * does not come within the server's {@code timeout}.
 */
final class InputRequired {
  static final int MAX_PER_SESSION = 32;
  static final String PREFIX = "warden-mrtr-";
  private static final String KEY = "warden-1";
  private static final Set<String> METHODS = Set.of("tools/call", "prompts/get", "resources/read");
  private static final String CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          VirtualThreads.builder().name("input-required-timer").factory());

  /** The upstream call a client's request started, as it continues across retries. */
  record Call(
      String sessionKey,
      String server,
      String method,
      String target,
      JsonNode upstreamId,
      UpstreamSession upstreamSession) {}

  private record Pending(
      ParkingStream stream, JsonNode askedId, ObjectNode result, ScheduledFuture<?> timer) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Duration> timeouts;

  /** {@code timeouts}: each server's call timeout, which bounds how long a call stays parked. */
  InputRequired(Map<String, Duration> timeouts) {
    this.timeouts = Map.copyOf(timeouts);
  }

  /** The upstream's reply to a 2026-07-28 client's call, able to park on a request. */
  UpstreamReply watch(
      Exchange exchange, String server, UpstreamSession session, UpstreamReply reply) {
    if (reply.framing() != UpstreamReply.Framing.SSE || !METHODS.contains(exchange.method())) {
      return reply;
    }
    McpMessage m = exchange.message();
    Call call = new Call(key(exchange), server, exchange.method(), target(m), m.id(), session);
    ParkingStream s = new ParkingStream(this, call, reply, null, m.id(), capabilities(m));
    return new UpstreamReply(UpstreamReply.Framing.SSE, s, s::abort);
  }

  /**
   * Parks {@code stream}'s call on the upstream's {@code request}; the input_required result for
   * the client, or empty when the client has too many calls parked already.
   */
  Optional<ObjectNode> park(ParkingStream stream, ObjectNode request) {
    String session = stream.call.sessionKey();
    long mine =
        pending.values().stream().filter(p -> p.stream().call.sessionKey().equals(session)).count();
    if (mine >= MAX_PER_SESSION) {
      return Optional.empty();
    }
    byte[] nonce = new byte[18];
    RANDOM.nextBytes(nonce);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("resultType", "input_required");
    ObjectNode ask = result.putObject("inputRequests").putObject(KEY);
    ask.set("method", request.get("method"));
    if (request.get("params") instanceof ObjectNode params) {
      ask.set("params", params);
    }
    result.put("requestState", token);
    Duration timeout = timeout(stream.call.server());
    ScheduledFuture<?> timer =
        TIMER.schedule(() -> expire(token), timeout.toMillis(), TimeUnit.MILLISECONDS);
    pending.put(token, new Pending(stream, request.get("id"), result, timer));
    return Optional.of(result);
  }

  /**
   * A retry carrying a {@code requestState} this gateway issued: the parked call continues, with
   * the client's answer delivered upstream. Empty for requests that carry none.
   */
  Optional<Reply> resume(Exchange exchange, String server) {
    McpMessage m = exchange.message();
    JsonNode state = m.params() == null ? null : m.params().get("requestState");
    if (state == null || !state.isTextual() || !state.asText().startsWith(PREFIX)) {
      return Optional.empty();
    }
    Pending p = pending.remove(state.asText());
    if (p == null) {
      exchange.decide(Exchange.Outcome.ERROR, "relay:unknown-state");
      return Optional.of(
          failure(
              "requestState is not waiting on this Warden: it expired, was answered already, or"
                  + " was issued by another replica; call again without it"));
    }
    Call c = p.stream().call;
    if (!c.sessionKey().equals(key(exchange))
        || !c.server().equals(server)
        || !c.method().equals(exchange.method())
        || !c.target().equals(target(m))) {
      pending.put(state.asText(), p);
      exchange.decide(Exchange.Outcome.ERROR, "relay:foreign-state");
      return Optional.of(failure("requestState belongs to another request"));
    }
    JsonNode answer = m.params().path("inputResponses").get(KEY);
    if (!(answer instanceof ObjectNode)) {
      pending.put(state.asText(), p); // asked again, as the specification has it
      return Optional.of(new Reply.Result(p.result().deepCopy()));
    }
    p.timer().cancel(false);
    p.stream().answer(JsonRpcCodec.result(p.askedId(), answer));
    ParkingStream next =
        new ParkingStream(this, c, p.stream().upstream, p.stream().events, m.id(), capabilities(m));
    return Optional.of(
        new Reply.Relay(
            server,
            new UpstreamReply(UpstreamReply.Framing.SSE, next, next::abort, -1, c.upstreamId())));
  }

  int size() {
    return pending.size();
  }

  private void expire(String token) {
    Pending p = pending.remove(token);
    if (p == null) {
      return;
    }
    VirtualThreads.builder()
        .start(
            () -> {
              p.stream()
                  .answer(
                      JsonRpcCodec.error(
                          p.askedId(),
                          new JsonRpcError(
                              JsonRpcError.INTERNAL_ERROR,
                              "the client did not retry with the answer within "
                                  + timeout(p.stream().call.server()))));
              p.stream().upstream.abort();
            });
  }

  private Duration timeout(String server) {
    return timeouts.getOrDefault(server, Duration.ofSeconds(60));
  }

  private static Reply failure(String message) {
    return new Reply.Failure(new JsonRpcError(JsonRpcError.INVALID_PARAMS, message));
  }

  private static String key(Exchange exchange) {
    return exchange.session() == null ? "" : exchange.session().id();
  }

  private static String target(McpMessage m) {
    return m.method().equals("resources/read") ? m.param("uri") : m.param("name");
  }

  private static JsonNode capabilities(McpMessage m) {
    JsonNode caps = m.params() == null ? null : m.params().path("_meta").get(CAPABILITIES);
    return caps instanceof ObjectNode ? caps : JsonNodeFactory.instance.objectNode();
  }
}
