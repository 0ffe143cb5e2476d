package dev.warden.config;

import java.util.List;

/**
 * A job description that becomes a default-deny role. Patterns match exposed names ({@code
 * server__name}) and may use {@code *}; resources are matched by their URI.
 */
public record PersonaConfig(
    String id,
    String description,
    List<String> tools,
    List<String> prompts,
    List<String> resources) {
  public PersonaConfig {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }
}
