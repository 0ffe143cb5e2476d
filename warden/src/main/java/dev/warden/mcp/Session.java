package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.net.VirtualThreads;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A downstream MCP session (2025-era): opened by initialize at one persona endpoint, bound to the
 * agent that opened it, and holding one upstream session per server, opened lazily.
 */
public final class Session {
  /** Requests from upstreams a client may have waiting for its answer at once. */
  public static final int MAX_SERVER_REQUESTS = 32;

  /** How long a client has to answer a request from an upstream (a person may be asked). */
  public static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

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
  private final String userDigest;
  private final Map<String, UpstreamSession> upstreams = new ConcurrentHashMap<>();
  private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
  private final SeenValues seen = new SeenValues();
  private final SessionTasks tasks = new SessionTasks();
  private final CallsInFlight calls = new CallsInFlight();
  private final ClientProfile profile;
  private final ServerRequests serverRequests;
  private volatile String logLevel;
  private volatile long lastUsedNanos = System.nanoTime();
  private volatile boolean closed;

  public Session(
      String id, String agent, String persona, String protocolVersion, JsonNode clientInfo) {
    this(id, agent, persona, protocolVersion, clientInfo, JsonNodeFactory.instance.objectNode());
  }

  /** {@code capabilities}: what the client declared in initialize. */
  public Session(
      String id,
      String agent,
      String persona,
      String protocolVersion,
      JsonNode clientInfo,
      JsonNode capabilities) {
    this.id = id;
    this.agent = agent;
    this.persona = persona;
    this.protocolVersion = protocolVersion;
    this.clientInfo = clientInfo;
    this.issuedAt = java.time.Instant.now();
    this.clientCapabilities = Set.of();
    this.userDigest = "";
    this.profile =
        new ClientProfile(
            ClientProfile.relayable(capabilities), () -> Optional.ofNullable(logLevel));
    this.serverRequests =
        new ServerRequests(
            this::openedUpstream, profile.capabilities(), MAX_SERVER_REQUESTS, ANSWER_TIMEOUT);
  }

  /** A session named {@code id} (its sealed claims), resumed from what {@code claims} say. */
  public Session(String id, SessionClaims claims, JsonNode clientInfo) {
    this(id, claims, clientInfo, declared(claims.clientCapabilities()));
  }

  /**
   * A session named {@code id} (its sealed claims); {@code capabilities}: what the client declared
   * in initialize.
   */
  public Session(String id, SessionClaims claims, JsonNode clientInfo, JsonNode capabilities) {
    this.id = id;
    this.agent = claims.agent();
    this.persona = claims.persona();
    this.protocolVersion = claims.protocolVersion();
    this.clientInfo = clientInfo;
    this.issuedAt = claims.issuedAt();
    this.clientCapabilities = claims.clientCapabilities();
    this.userDigest = claims.userDigest();
    this.profile =
        new ClientProfile(
            ClientProfile.relayable(capabilities), () -> Optional.ofNullable(logLevel));
    this.serverRequests =
        new ServerRequests(
            this::openedUpstream, profile.capabilities(), MAX_SERVER_REQUESTS, ANSWER_TIMEOUT);
  }

  /** The capabilities a session id carries, as the client would have declared them. */
  private static ObjectNode declared(Set<String> names) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    names.forEach(out::putObject);
    return out;
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
  /**
   * {@link SessionClaims#userDigest(String)} of the end user the session was opened for; "" when
   * none was named. Every request of the session must name the same user.
   */
  public String userDigest() {
    return userDigest;
  }

  public SeenValues seen() {
    return seen;
  }

  /** The tasks this session started on its upstreams, under Warden task ids. */
  public SessionTasks tasks() {
    return tasks;
  }

  /** Calls of this session running upstream, which a client's cancellation can stop. */
  public CallsInFlight calls() {
    return calls;
  }

  /** What this session's upstream sessions declare on the client's behalf. */
  public ClientProfile profile() {
    return profile;
  }

  /** Requests from upstreams relayed to the client and waiting for its answer. */
  public ServerRequests serverRequests() {
    return serverRequests;
  }

  /** Records the log level the client set; upstream sessions opened later start with it. */
  public void logLevel(String level) {
    this.logLevel = level;
  }

  /** Sends a client notification to every upstream session this session has opened. */
  public void notifyUpstreams(byte[] notification) {
    for (UpstreamSession s : upstreams.values()) {
      VirtualThreads.builder().start(() -> post(s, notification));
    }
  }

  /**
   * Tells an upstream that the client gave up on request {@code requestId} (it cancelled or went
   * away), without waiting for the upstream's acknowledgement.
   */
  public void cancelUpstream(String server, JsonNode requestId, String reason) {
    UpstreamSession s = upstreams.get(server);
    if (s == null || requestId == null) {
      return;
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "notifications/cancelled");
    ObjectNode params = n.putObject("params");
    params.set("requestId", requestId);
    params.put("reason", reason);
    byte[] bytes = JsonRpcCodec.bytes(n);
    VirtualThreads.builder().start(() -> post(s, bytes));
  }

  private static void post(UpstreamSession s, byte[] message) {
    try {
      s.post(message);
    } catch (UpstreamException e) {
      // Best effort: the upstream is gone or refuses; its own timeouts end the work.
    }
  }

  /** True when the client has a standalone event stream (GET) open. */
  public boolean hasEventStream() {
    return !sinks.isEmpty();
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
    serverRequests.failAll("the client's session ended");
    sinks.forEach(EventSink::close);
    sinks.clear();
    upstreams.values().forEach(UpstreamSession::close);
    upstreams.clear();
  }
}
