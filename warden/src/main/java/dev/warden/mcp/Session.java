package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A downstream MCP session (2025-era): opened by initialize at one persona endpoint, bound to the
 * agent that opened it, and holding one upstream session per server, opened lazily.
 */
public final class Session {
  /** A client's standalone event stream (GET). */
  public interface EventSink {
    /** Sends one JSON-RPC message; false when the stream is gone. */
    boolean send(byte[] message);

    void close();
  }

  private final String id;
  private final String agent;
  private final String persona;
  private final String protocolVersion;
  private final JsonNode clientInfo;
  private final java.time.Instant issuedAt;
  private final Set<String> clientCapabilities;
  private final Map<String, UpstreamSession> upstreams = new ConcurrentHashMap<>();
  private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
  private final SeenValues seen = new SeenValues();
  private volatile long lastUsedNanos = System.nanoTime();
  private volatile boolean closed;

  public Session(
      String id, String agent, String persona, String protocolVersion, JsonNode clientInfo) {
    this.id = id;
    this.agent = agent;
    this.persona = persona;
    this.protocolVersion = protocolVersion;
    this.clientInfo = clientInfo;
    this.issuedAt = java.time.Instant.now();
    this.clientCapabilities = Set.of();
  }

  /** A session named {@code id} (its sealed claims) for what {@code claims} say. */
  public Session(String id, SessionClaims claims, JsonNode clientInfo) {
    this.id = id;
    this.agent = claims.agent();
    this.persona = claims.persona();
    this.protocolVersion = claims.protocolVersion();
    this.clientInfo = clientInfo;
    this.issuedAt = claims.issuedAt();
    this.clientCapabilities = claims.clientCapabilities();
  }

  public String id() {
    return id;
  }

  public String agent() {
    return agent;
  }

  public String persona() {
    return persona;
  }

  public String protocolVersion() {
    return protocolVersion;
  }

  public JsonNode clientInfo() {
    return clientInfo;
  }

  /** When initialize opened the session (on whichever replica). */
  public java.time.Instant issuedAt() {
    return issuedAt;
  }

  /** Capabilities the client declared, among {@link SessionClaims#CAPABILITIES}. */
  public Set<String> clientCapabilities() {
    return clientCapabilities;
  }

  /** Fingerprints of sensitive values this session was shown, to follow them between servers. */
  public SeenValues seen() {
    return seen;
  }

  public boolean isClosed() {
    return closed;
  }

  public void touch() {
    lastUsedNanos = System.nanoTime();
  }

  public long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** The upstream session for {@code server}, made by {@code open} on first use. */
  public UpstreamSession upstream(String server, Function<String, UpstreamSession> open) {
    return upstreams.computeIfAbsent(server, open);
  }

  /** The upstream session for {@code server} if one was opened. */
  public java.util.Optional<UpstreamSession> openedUpstream(String server) {
    return java.util.Optional.ofNullable(upstreams.get(server));
  }

  public void addSink(EventSink sink) {
    sinks.add(sink);
  }

  public void removeSink(EventSink sink) {
    sinks.remove(sink);
  }

  /** Sends a message on every open event stream of this session. */
  public void broadcast(byte[] message) {
    for (EventSink sink : sinks) {
      if (!sink.send(message)) {
        sinks.remove(sink);
      }
    }
  }

  /** Ends the session: closes event streams and upstream sessions. */
  public void close() {
    closed = true;
    sinks.forEach(EventSink::close);
    sinks.clear();
    upstreams.values().forEach(UpstreamSession::close);
    upstreams.clear();
  }
}
