package dev.warden.pipeline;

import java.util.Set;

/** Who is calling: the authenticated agent and the personas it holds. */
public record Principal(String agent, Set<String> personas) {
  public Principal {
    personas = Set.copyOf(personas);
  }

  public boolean holds(String persona) {
    return personas.contains(persona);
  }
}
