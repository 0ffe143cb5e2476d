package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The downstream sessions this gateway instance holds in memory. A session id is its sealed claims
 * ({@link SessionTokens}), so with shared keys the store is only a cache: a session another replica
 * opened, or one this replica let idle out, is rebuilt from its id on first use, and opens its own
 * upstream sessions lazily. Without shared keys only sessions held here exist.
 */
public final class SessionStore {
  /** Ended session ids remembered, so their tokens cannot bring them back here. */
  static final int MAX_ENDED = 100_000;

  /** How long an ended id is remembered when ids have no max-age to expire by. */
  static final Duration ENDED_WITHOUT_MAX_AGE = Duration.ofDays(1);

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final long idleNanos;
  private final SessionTokens tokens;
  private final LinkedHashMap<String, Instant> ended = new LinkedHashMap<>();

  /** A store whose ids open only in this process. */
  public SessionStore(Duration idleTimeout) {
    this(idleTimeout, SessionTokens.local(Optional.empty(), Clock.systemUTC()));
  }

  public SessionStore(Duration idleTimeout, SessionTokens tokens) {
    this.idleNanos = idleTimeout.toNanos();
    this.tokens = tokens;
  }

  /** The keys that seal this store's session ids, and the task ids of 2026-07-28 clients. */
  public SessionTokens tokens() {
    return tokens;
  }

  /** Opens a session for {@code claims}: its id is the sealed claims. */
  public Session open(SessionClaims claims, JsonNode clientInfo) {
    return open(claims, clientInfo, JsonNodeFactory.instance.objectNode());
  }

  /** {@link #open(SessionClaims, JsonNode)} with the capabilities the client declared. */
  public Session open(SessionClaims claims, JsonNode clientInfo, JsonNode capabilities) {
    Session session = new Session(tokens.seal(claims), claims, clientInfo, capabilities);
    sessions.put(session.id(), session);
    return session;
  }

  public void add(Session session) {
    sessions.put(session.id(), session);
  }

  /**
   * The session {@code id} names, if it belongs to {@code agent} at {@code persona}: the one held
   * here, or with shared keys one rebuilt from the id. Anyone else's session, an altered or foreign
   * id, an expired or ended one: empty.
   */
  public Optional<Session> find(String id, String agent, String persona) {
    Session held = sessions.get(id);
    if (held != null) {
      if (held.isClosed()) {
        return Optional.empty();
      }
      if (!tokens.fresh(held.issuedAt())) {
        evict(held);
        return Optional.empty();
      }
      return owned(held, agent, persona) ? Optional.of(held) : Optional.empty();
    }
    if (!tokens.shared() || isEnded(id)) {
      return Optional.empty();
    }
    Optional<SessionClaims> claims =
        tokens.open(id).filter(c -> c.agent().equals(agent) && c.persona().equals(persona));
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    Session resumed = new Session(id, claims.get(), clientInfo(claims.get()));
    Session raced = sessions.putIfAbsent(id, resumed);
    Session session = raced == null ? resumed : raced;
    return session.isClosed() ? Optional.empty() : Optional.of(session);
  }

  /**
   * The live session under {@code id}, made by {@code open} when there is none (sessions the
   * gateway holds itself, keyed by who they belong to rather than by a random id).
   */
  public Session findOrOpen(String id, java.util.function.Function<String, Session> open) {
    return sessions.compute(id, (k, s) -> s == null || s.isClosed() ? open.apply(k) : s);
  }

  /**
   * Ends a session (the client's DELETE): closed here, and its id refused here from now on. Other
   * replicas that hold it keep it until they idle it out; their tokens expire by max-age.
   */
  public void remove(Session session) {
    if (tokens.shared()) {
      Instant until =
          tokens.expiry(session.issuedAt()).orElse(tokens.now().plus(ENDED_WITHOUT_MAX_AGE));
      synchronized (ended) {
        ended.put(session.id(), until);
        if (ended.size() > MAX_ENDED) {
          ended.pollFirstEntry();
        }
      }
    }
    evict(session);
  }

  public int size() {
    return sessions.size();
  }

  public Collection<Session> all() {
    return sessions.values();
  }

  /**
   * Closes sessions unused for longer than the idle timeout, and those past their max-age; returns
   * how many. With shared keys an idled-out session is not ended: its id rebuilds it.
   */
  public int expireIdle() {
    long now = System.nanoTime();
    int n = 0;
    for (Session s : sessions.values()) {
      if (now - s.lastUsedNanos() > idleNanos || !tokens.fresh(s.issuedAt())) {
        evict(s);
        n++;
      }
    }
    forgetExpiredEnds();
    return n;
  }

  public void closeAll() {
    sessions.values().forEach(Session::close);
    sessions.clear();
  }

  private void evict(Session session) {
    sessions.remove(session.id(), session);
    session.close();
  }

  private static boolean owned(Session s, String agent, String persona) {
    return s.agent().equals(agent) && s.persona().equals(persona);
  }

  private boolean isEnded(String id) {
    synchronized (ended) {
      Instant until = ended.get(id);
      if (until == null) {
        return false;
      }
      if (tokens.now().isAfter(until)) {
        ended.remove(id);
        return false;
      }
      return true;
    }
  }

  private void forgetExpiredEnds() {
    Instant now = tokens.now();
    synchronized (ended) {
      for (Iterator<Instant> it = ended.values().iterator(); it.hasNext(); ) {
        if (now.isAfter(it.next())) {
          it.remove();
        }
      }
    }
  }

  private static JsonNode clientInfo(SessionClaims claims) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("name", claims.clientName());
    info.put("version", claims.clientVersion());
    return info;
  }
}
