package dev.warden.identity;

import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Optional;

/**
 * Finds the agent behind the bearer credential; no credential or an unknown one is a 401. For an
 * agent with a {@code user-header}, the end user it acts for is taken from that header (trusted:
 * the agent's platform sets it) into {@link Principal#user()}; a value that is too long or not
 * printable is a 400.
 */
public final class AuthenticationStage implements Stage {
  /** The longest end user name taken, in characters. */
  public static final int MAX_USER = 256;

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
    Principal principal = agent.get();
    Optional<String> userHeader = agents.userHeader(principal.agent());
    if (userHeader.isPresent()) {
      String user = exchange.headers().get(userHeader.get());
      if (user != null && !user.isEmpty()) {
        Optional<String> problem = problem(user);
        if (problem.isPresent()) {
          return Reply.denied(
              Denial.Kind.BAD_REQUEST,
              "auth:user",
              "Header " + userHeader.get() + " " + problem.get());
        }
        principal = principal.withUser(user);
      }
    }
    exchange.principal(principal);
    return next.proceed(exchange);
  }

  /** What is wrong with an end user name, if anything (the value itself is never echoed). */
  static Optional<String> problem(String user) {
    if (user.codePointCount(0, user.length()) > MAX_USER) {
      return Optional.of("is longer than " + MAX_USER + " characters");
    }
    for (int i = 0; i < user.length(); ) {
      int c = user.codePointAt(i);
      if (!printable(c)) {
        return Optional.of("holds a control or non-printable character");
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static boolean printable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
