package dev.warden.admin;

import dev.warden.config.PersonaConfig;
import java.util.List;

/** A persona as the admin API shows it: all of it, since a persona holds no secrets. */
record PersonaView(
    String id,
    String description,
    List<String> tools,
    List<String> prompts,
    List<String> resources,
    String names) {

  static PersonaView of(PersonaConfig persona) {
    return new PersonaView(
        persona.id(),
        persona.description(),
        persona.tools(),
        persona.prompts(),
        persona.resources(),
        persona.names().name().toLowerCase(java.util.Locale.ROOT));
  }
}
