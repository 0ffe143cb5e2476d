package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code personas:}. */
final class PersonaBinder {
  private static final List<String> KEYS =
      List.of("id", "description", "tools", "prompts", "resources");
  // Exposed names are letters, digits, '_' and '-' (valid for every LLM function-calling API).
  private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_*-]+");

  private final Problems problems;
  private final UniqueIds ids;

  PersonaBinder(Problems problems) {
    this.problems = problems;
    this.ids = new UniqueIds(problems);
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
    return id.map(i -> new PersonaConfig(i, description, tools, prompts, resources));
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
