package dev.warden.persona;

import dev.warden.config.PersonaConfig;
import dev.warden.mcp.ExposedName;
import dev.warden.pipeline.Scope;
import java.util.List;

/** A persona's compiled scope: default deny, allow by pattern. */
public final class Persona implements Scope {
  private final PersonaConfig config;
  private final List<NamePattern> tools;
  private final List<NamePattern> prompts;
  private final List<NamePattern> resources;
  private final String prefix;

  public Persona(PersonaConfig config) {
    this.config = config;
    this.tools = compile(config.tools());
    this.prompts = compile(config.prompts());
    this.resources = compile(config.resources());
    this.prefix =
        config.names() == PersonaConfig.Names.UNPREFIXED
            ? config.soleServer().map(s -> s + ExposedName.SEPARATOR).orElse("")
            : "";
  }

  private static List<NamePattern> compile(List<String> patterns) {
    return patterns.stream().map(NamePattern::new).toList();
  }

  public PersonaConfig config() {
    return config;
  }

  @Override
  public String persona() {
    return config.id();
  }

  /** True when the endpoint shows its one server's own names, without {@code server__}. */
  public boolean unprefixed() {
    return !prefix.isEmpty();
  }

  /** The exposed name ({@code server__name}) for a name an agent used on this endpoint. */
  public String exposedName(String agentName) {
    return prefix + agentName;
  }

  /** The name agents of this endpoint see for an exposed name. */
  public String agentName(String exposedName) {
    return !prefix.isEmpty() && exposedName.startsWith(prefix)
        ? exposedName.substring(prefix.length())
        : exposedName;
  }

  public String description() {
    return config.description();
  }

  @Override
  public boolean allowsTool(String exposedName) {
    return NamePattern.anyMatches(tools, exposedName);
  }

  @Override
  public boolean allowsPrompt(String exposedName) {
    return NamePattern.anyMatches(prompts, exposedName);
  }

  @Override
  public boolean allowsResource(String uri) {
    return NamePattern.anyMatches(resources, uri);
  }
}
