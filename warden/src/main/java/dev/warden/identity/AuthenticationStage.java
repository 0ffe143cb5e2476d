package dev.warden.identity;

import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Optional;

/** Finds the agent behind the bearer credential; no credential or an unknown one is a 401. */
public final class AuthenticationStage implements Stage {
  private final AgentDirectory agents;

  public AuthenticationStage(AgentDirectory agents) {
    this.agents = agents;
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    String header = exchange.headers().get("Authorization");
    if (header == null || header.isBlank()) {
      return Reply.denied(Denial.Kind.UNAUTHENTICATED, "auth:missing", "Authorization required");
    }
    if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Reply.denied(
          Denial.Kind.UNAUTHENTICATED, "auth:scheme", "Use Authorization: Bearer <agent key>");
    }
    Optional<Principal> agent = agents.byKey(header.substring(7).trim());
    if (agent.isEmpty()) {
      return Reply.denied(Denial.Kind.UNAUTHENTICATED, "auth:key", "Invalid agent credential");
    }
    exchange.principal(agent.get());
    return next.proceed(exchange);
  }
}
