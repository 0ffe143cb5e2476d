package dev.warden.identity;

import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionClaims;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;

/**
 * Keeps a 2025-era session to the end user it was opened for. The session itself is bound to its
 * agent (the session stage); the user is not part of that binding, but a request of the session
 * that names another user than {@code initialize} did (or names one when initialize named none, or
 * the reverse) is refused with a 403: upstream sessions, subscriptions and the session's trail
 * belong to that one user. 2026-07-28 requests have no session and name their user per request.
 */
public final class UserBindingStage implements Stage {
  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Session session = exchange.session();
    if (exchange.era() == ProtocolEra.STATEFUL && session != null) {
      String user = exchange.user();
      boolean same =
          user.isEmpty()
              ? session.userDigest().isEmpty()
              : session.userDigest().equals(SessionClaims.userDigest(user));
      if (!same) {
        return Reply.denied(
            Denial.Kind.FORBIDDEN,
            "user:changed",
            "This session was opened for another end user; initialize a new session for this"
                + " user");
      }
    }
    return next.proceed(exchange);
  }
}
