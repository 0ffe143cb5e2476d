package dev.warden.pipeline;

import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One request on its way through the pipeline. The edge fills in what arrived; stages add what they
 * learn (who, which session, which persona, where it goes) and the decision.
 */
public final class Exchange {
  /** Read-only view of the HTTP request headers. */
  @FunctionalInterface
  public interface Headers {
    /** The first value of a header, or null. */
    String get(String name);

    /**
     * The headers whose name starts with {@code prefix} (lower case), by lower-cased name, first
     * value each; empty when there is none or the source cannot list its headers.
     */
    default Map<String, String> startingWith(String prefix) {
      return Map.of();
    }
  }

  private final String id;
  private final Instant time;
  private final long startNanos;
  private final String persona;
  private McpMessage message;
  private Headers headers;
  private final String clientAddress;
  private final long bytesIn;
  private final List<Consumer<Exchange>> onComplete = new ArrayList<>(2);

  private ProtocolEra era = ProtocolEra.STATEFUL;
  private Principal principal;
  private Session session;
  private Scope scope;
  private String server = "";
  private String target = "";
  private String rule = "";
  private Outcome outcome = Outcome.OK;
  private long bytesOut;
  private int httpStatus;
  private String upstreamError = "";
  private Map<Detection, Integer> detections = Map.of();
  private volatile boolean cancelled;

  /** How the exchange ended, for audit and metrics. */
  public enum Outcome {
    OK,
    ERROR,
    DENIED
  }

  public Exchange(
      String id,
      String persona,
      McpMessage message,
      Headers headers,
      String clientAddress,
      long bytesIn) {
    this.id = id;
    this.time = Instant.now();
    this.startNanos = System.nanoTime();
    this.persona = persona;
    this.message = message;
    this.headers = headers;
    this.clientAddress = clientAddress;
    this.bytesIn = bytesIn;
  }

  /** The gateway's id for this request; denials name it so an operator can find the record. */
  public String id() {
    return id;
  }

  public Instant time() {
    return time;
  }

  public long startNanos() {
    return startNanos;
  }

  /** The persona named by the endpoint path. */
  public String persona() {
    return persona;
  }

  public McpMessage message() {
    return message;
  }

  /**
   * Hands the rest of the pipeline a translated request (same kind, id and method), e.g. with an
   * endpoint's own names turned into exposed names.
   */
  public void rewrite(McpMessage translated) {
    if (translated.kind() != message.kind()
        || !java.util.Objects.equals(translated.id(), message.id())
        || !java.util.Objects.equals(translated.method(), message.method())) {
      throw new IllegalArgumentException("a rewrite keeps the message's kind, id and method");
    }
    this.message = translated;
  }

  public String method() {
    return message.method() == null ? "" : message.method();
  }

  public Headers headers() {
    return headers;
  }

  /**
   * Replaces the values of some headers (by lower-cased name) for the rest of the pipeline, e.g. a
   * header value the data-protection rules rewrote; the others read as they arrived.
   */
  public void replaceHeaders(Map<String, String> replaced) {
    replaceHeaders(replaced, java.util.Set.of());
  }

  /**
   * {@link #replaceHeaders(Map)}, and drops the headers named in {@code dropped} (lower-cased): the
   * rest of the pipeline, and the upstream, no longer see them.
   */
  public void replaceHeaders(Map<String, String> replaced, java.util.Set<String> dropped) {
    if (replaced.isEmpty() && dropped.isEmpty()) {
      return;
    }
    Headers arrived = headers;
    Map<String, String> now = Map.copyOf(replaced);
    java.util.Set<String> gone = java.util.Set.copyOf(dropped);
    headers =
        new Headers() {
          @Override
          public String get(String name) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (gone.contains(lower)) {
              return null;
            }
            String v = now.get(lower);
            return v != null ? v : arrived.get(name);
          }

          @Override
          public Map<String, String> startingWith(String prefix) {
            Map<String, String> out = new LinkedHashMap<>(arrived.startingWith(prefix));
            out.keySet().removeAll(gone);
            out.replaceAll((name, value) -> now.getOrDefault(name, value));
            return out;
          }
        };
  }

  public String clientAddress() {
    return clientAddress;
  }

  public long bytesIn() {
    return bytesIn;
  }

  /** The protocol era of this request, decided by the edge. */
  public ProtocolEra era() {
    return era;
  }

  public void era(ProtocolEra era) {
    this.era = era;
  }

  public Principal principal() {
    return principal;
  }

  public void principal(Principal principal) {
    this.principal = principal;
  }

  /** The end user the agent acts for; "" when not known (see {@link Principal#user()}). */
  public String user() {
    return principal == null ? "" : principal.user();
  }

  public Session session() {
    return session;
  }

  public void session(Session session) {
    this.session = session;
  }

  public Scope scope() {
    return scope;
  }

  public void scope(Scope scope) {
    this.scope = scope;
  }

  /** The upstream server the request goes to; "" when the gateway answers itself. */
  public String server() {
    return server;
  }

  /** The exposed tool or prompt name, or resource URI, the request is about; "" for others. */
  public String target() {
    return target;
  }

  public void route(String server, String target) {
    this.server = server;
    this.target = target;
  }

  public void target(String target) {
    this.target = target;
  }

  /** The rule that decided; "" when nothing refused the request. */
  public String rule() {
    return rule;
  }

  public Outcome outcome() {
    return outcome;
  }

  public void decide(Outcome outcome, String rule) {
    this.outcome = outcome;
    this.rule = rule;
  }

  /**
   * Takes the outcome from the reply, unless a stage already decided: a denial names its rule, a
   * JSON-RPC error is an error. Idempotent, so every outer stage may call it.
   */
  public void decide(Reply reply) {
    switch (reply) {
      case Reply.Denied d -> decide(Outcome.DENIED, d.denial().rule());
      case Reply.Failure f when outcome == Outcome.OK ->
          decide(Outcome.ERROR, "jsonrpc:" + f.error().code());
      default -> {}
    }
  }

  /** What went wrong with the upstream ("" when nothing did), e.g. "timeout". */
  public String upstreamError() {
    return upstreamError;
  }

  public void upstreamError(String kind) {
    this.upstreamError = kind;
  }

  /** Counts one sensitive value seen in this exchange (its type, never the value). */
  public synchronized void detected(Detection detection) {
    if (detections.isEmpty()) {
      detections = new LinkedHashMap<>(4);
    }
    detections.merge(detection, 1, Integer::sum);
  }

  /** Every detection with how often it occurred. */
  public synchronized Map<Detection, Integer> detections() {
    if (detections.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(detections));
  }

  /**
   * Detection counts by {@code direction:type}, sorted, for the audit record: types and counts
   * only, never values.
   */
  public synchronized Map<String, Integer> findings() {
    if (detections.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> out = new TreeMap<>();
    detections.forEach((d, n) -> out.merge(d.direction() + ":" + d.type(), n, Integer::sum));
    return out;
  }

  public long bytesOut() {
    return bytesOut;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Marks the request as cancelled by its client while it ran upstream: its reply ends without an
   * answer. May be called from another request's thread.
   */
  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** Runs {@code listener} once the reply has been written in full (or the write failed). */
  public void onComplete(Consumer<Exchange> listener) {
    onComplete.add(listener);
  }

  /** Called by the edge when the reply is out. */
  public void complete(int httpStatus, long bytesOut) {
    this.httpStatus = httpStatus;
    this.bytesOut = bytesOut;
    for (Consumer<Exchange> l : onComplete) {
      l.accept(this);
    }
  }
}
