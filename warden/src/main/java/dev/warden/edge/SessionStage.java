package dev.warden.edge;

import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionStore;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Optional;

/**
 * Attaches the downstream session named by {@code Mcp-Session-Id}: one held by this instance, or
 * one rebuilt from its sealed id when replicas share session keys. A session answers only to the
 * agent and persona endpoint that opened it; to anyone else, and when its id was altered, sealed
 * with a foreign key or is past its max-age, it does not exist (404).
 */
public final class SessionStage implements Stage {
  public static final String HEADER = "Mcp-Session-Id";
  public static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final SessionStore sessions;
  private final Era2026 stateless;

  public SessionStage(SessionStore sessions) {
    this(sessions, new SessionStore(java.time.Duration.ofMinutes(30)));
  }

  /** {@code held}: the sessions the gateway holds for 2026-07-28 requests (see {@link Era2026}). */
  public SessionStage(SessionStore sessions, SessionStore held) {
    this.sessions = sessions;
    this.stateless = new Era2026(held);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    if (exchange.era() == ProtocolEra.STATELESS) {
      return stateless.apply(exchange, next);
    }
    String version = exchange.headers().get(VERSION_HEADER);
    if (version != null && !ProtocolVersions.isSupported(version)) {
      return Reply.denied(
          Denial.Kind.BAD_REQUEST,
          "session:version",
          "Unsupported MCP-Protocol-Version "
              + version
              + "; supported: "
              + ProtocolVersions.SUPPORTED);
    }
    if ("initialize".equals(exchange.method())) {
      return next.proceed(exchange);
    }
    String id = exchange.headers().get(HEADER);
    if (id == null || id.isBlank()) {
      return Reply.denied(
          Denial.Kind.BAD_REQUEST,
          "session:missing",
          "Mcp-Session-Id header required; initialize first");
    }
    Optional<Session> found = sessions.find(id, exchange.principal().agent(), exchange.persona());
    if (found.isEmpty()) {
      return Reply.denied(Denial.Kind.NOT_FOUND, "session:unknown", "Session not found");
    }
    Session session = found.get();
    session.touch();
    exchange.session(session);
    return next.proceed(exchange);
  }
}
