package dev.warden.config;

import java.util.List;
import java.util.Optional;

/**
 * A job description that becomes a default-deny role. Patterns match exposed names ({@code
 * server__name}) and may use {@code *}; resources are matched by their URI.
 *
 * @param names how the persona's endpoint names tools, prompts and resource templates
 */
public record PersonaConfig(
    String id,
    String description,
    List<String> tools,
    List<String> prompts,
    List<String> resources,
    Names names) {

  /** How agents see names on this persona's endpoint. */
  public enum Names {
    /** {@code server__name}, the default: unique across every server. */
    PREFIXED,
    /**
     * The server's own names, without {@code server__}: only for a persona whose tools and prompts
     * all come from one server, so it looks exactly like that server.
     */
    UNPREFIXED
  }

  public PersonaConfig {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }

  public PersonaConfig(
      String id,
      String description,
      List<String> tools,
      List<String> prompts,
      List<String> resources) {
    this(id, description, tools, prompts, resources, Names.PREFIXED);
  }

  public PersonaConfig withNames(Names newNames) {
    return new PersonaConfig(id, description, tools, prompts, resources, newNames);
  }

  /**
   * The one server every tool and prompt pattern names ({@code server__…}, the server part without
   * {@code *}); empty when the patterns name several servers, none, or may match any server.
   */
  public Optional<String> soleServer() {
    String server = null;
    for (List<String> patterns : List.of(tools, prompts)) {
      for (String p : patterns) {
        int at = p.indexOf("__");
        if (at <= 0 || p.substring(0, at).contains("*")) {
          return Optional.empty();
        }
        String s = p.substring(0, at);
        if (server != null && !server.equals(s)) {
          return Optional.empty();
        }
        server = s;
      }
    }
    return Optional.ofNullable(server);
  }
}
