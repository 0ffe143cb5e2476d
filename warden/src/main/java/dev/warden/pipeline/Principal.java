package dev.warden.pipeline;

import java.util.Set;

/**
 * Who is calling: the authenticated agent, the personas it holds, and the end user it acts for.
 *
 * @param user the end user named by the agent's trusted user header ({@code agents[].user-header});
 *     "" when the agent has none or did not name one
 */
public record Principal(String agent, Set<String> personas, String user) {
  public Principal {
    personas = Set.copyOf(personas);
  }

  /** An agent acting for no known user. */
  public Principal(String agent, Set<String> personas) {
    this(agent, personas, "");
  }

  /** This agent acting for {@code endUser}. */
  public Principal withUser(String endUser) {
    return new Principal(agent, personas, endUser);
  }

  public boolean holds(String persona) {
    return personas.contains(persona);
  }
}
