package dev.warden.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live downstream sessions of this gateway instance; ids are 192 random bits. */
public final class SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final long idleNanos;

  public SessionStore(Duration idleTimeout) {
    this.idleNanos = idleTimeout.toNanos();
  }

  public static String newId() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public void add(Session session) {
    sessions.put(session.id(), session);
  }

  /**
   * The live session under {@code id}, made by {@code open} when there is none (sessions the
   * gateway holds itself, keyed by who they belong to rather than by a random id).
   */
  public Session findOrOpen(String id, java.util.function.Function<String, Session> open) {
    return sessions.compute(id, (k, s) -> s == null || s.isClosed() ? open.apply(k) : s);
  }

  public Optional<Session> find(String id) {
    Session s = sessions.get(id);
    return s == null || s.isClosed() ? Optional.empty() : Optional.of(s);
  }

  public void remove(Session session) {
    sessions.remove(session.id(), session);
    session.close();
  }

  public int size() {
    return sessions.size();
  }

  public Collection<Session> all() {
    return sessions.values();
  }

  /** Closes sessions unused for longer than the idle timeout; returns how many. */
  public int expireIdle() {
    long now = System.nanoTime();
    int n = 0;
    for (Session s : sessions.values()) {
      if (now - s.lastUsedNanos() > idleNanos) {
        remove(s);
        n++;
      }
    }
    return n;
  }

  public void closeAll() {
    sessions.values().forEach(Session::close);
    sessions.clear();
  }
}
