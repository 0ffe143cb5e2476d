package dev.warden.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live MCP sessions of one endpoint. Bounded: when full, opening a session drops the one used
 * least recently, whose client then gets 404 and initializes again, as the protocol expects.
 */
final class Sessions {
  static final int MAX_SESSIONS = 10_000;
  private static final int ID_BYTES = 18; // 144 bits, 24 base64url characters

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

  /** One session; the protocol version is the one agreed at initialize. */
  static final class Session {
    private final String id;
    private final String protocolVersion;
    private volatile long lastUsedNanos = System.nanoTime();

    private Session(String id, String protocolVersion) {
      this.id = id;
      this.protocolVersion = protocolVersion;
    }

    String id() {
      return id;
    }

    String protocolVersion() {
      return protocolVersion;
    }
  }

  Session open(String protocolVersion) {
    if (byId.size() >= MAX_SESSIONS) {
      dropLeastRecentlyUsed();
    }
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    Session session = new Session(encoder.encodeToString(bytes), protocolVersion);
    byId.put(session.id, session);
    return session;
  }

  Optional<Session> find(String id) {
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    session.lastUsedNanos = System.nanoTime();
    return Optional.of(session);
  }

  boolean close(String id) {
    return byId.remove(id) != null;
  }

  int size() {
    return byId.size();
  }

  private void dropLeastRecentlyUsed() {
    // A linear scan, only when full: rare, and cheaper than LRU bookkeeping on every request.
    Session oldest = null;
    for (Session s : byId.values()) {
      if (oldest == null || s.lastUsedNanos - oldest.lastUsedNanos < 0) {
        oldest = s;
      }
    }
    if (oldest != null) {
      byId.remove(oldest.id);
    }
  }
}
