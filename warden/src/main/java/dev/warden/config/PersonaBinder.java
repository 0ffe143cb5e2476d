package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code personas:}. */
final class PersonaBinder {
  private static final List<String> KEYS =
      List.of("id", "description", "tools", "prompts", "resources", "names");
  // Exposed names are letters, digits, '_' and '-' (valid for every LLM function-calling API).
  private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_*-]+");

  private final Problems problems;
  private final UniqueIds ids;
  private final Set<String> serverIds;

  /** {@code serverIds}: the registry's servers, which {@code names: unprefixed} must name. */
  PersonaBinder(Problems problems, Set<String> serverIds) {
    this.problems = problems;
    this.ids = new UniqueIds(problems);
    this.serverIds = Set.copyOf(serverIds);
  }

  Optional<PersonaConfig> bind(YamlNode node) {
    Optional<Section> read = Section.of(node, problems, KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id = ids.read(s);
    String description = s.string("description", "");
    List<String> tools = namePatterns(s, "tools");
    List<String> prompts = namePatterns(s, "prompts");
    List<String> resources = resources(s);
    Optional<PersonaConfig> persona =
        id.map(i -> new PersonaConfig(i, description, tools, prompts, resources));
    return persona.map(p -> p.withNames(names(s, p)));
  }

  /** {@code names: prefixed | unprefixed}; unprefixed only for a persona of one server. */
  private PersonaConfig.Names names(Section s, PersonaConfig persona) {
    Optional<YamlNode.Scalar> node = s.plainScalar("names");
    if (node.isEmpty()) {
      return PersonaConfig.Names.PREFIXED;
    }
    String text = node.get().text().strip();
    if (text.equals("prefixed")) {
      return PersonaConfig.Names.PREFIXED;
    }
    if (!text.equals("unprefixed")) {
      problems.add(node.get(), "must be prefixed or unprefixed, not '" + text + "'");
      return PersonaConfig.Names.PREFIXED;
    }
    Optional<String> server = persona.soleServer();
    if (server.isEmpty()) {
      problems.add(
          node.get(),
          "unprefixed needs every tools and prompts pattern to name one and the same server"
              + " (e.g. tickets__*)");
    } else if (!serverIds.contains(server.get())) {
      problems.add(
          node.get(), "unprefixed names server '" + server.get() + "', which is not in servers");
    }
    return PersonaConfig.Names.UNPREFIXED;
  }

  /** Every persona id read so far, duplicates once; agents may only name these. */
  Set<String> ids() {
    return ids.ids();
  }

  private List<String> namePatterns(Section s, String key) {
    List<String> patterns = new ArrayList<>();
    for (YamlNode.Scalar pattern : s.scalars(key)) {
      if (NAME_PATTERN.matcher(pattern.text()).matches()) {
        patterns.add(pattern.text());
      } else {
        problems.add(
            pattern,
            "'" + pattern.text() + "' is not a valid pattern: letters, digits, _, - and * only");
      }
    }
    return patterns;
  }

  /** Resource URI patterns: any text, with * as a wildcard. */
  private List<String> resources(Section s) {
    List<String> resources = new ArrayList<>();
    for (YamlNode.Scalar resource : s.scalars("resources")) {
      if (resource.text().isBlank()) {
        problems.add(resource, "must not be blank");
      } else {
        Section.plain(resource, problems).ifPresent(resources::add);
      }
    }
    return resources;
  }
}
