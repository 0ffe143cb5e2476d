package dev.warden.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code id} of each item in one list (servers, personas or agents): well-formed and used
 * once. Ids become URL segments and name prefixes ({@code server__tool}), hence the narrow form.
 */
final class UniqueIds {
  static final int MAX_LENGTH = 32;
  private static final Pattern FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Problems problems;
  private final Map<String, Integer> firstLine = new HashMap<>();

  UniqueIds(Problems problems) {
    this.problems = problems;
  }

  /** The item's id, empty when missing or malformed; a duplicate is reported but still returned. */
  Optional<String> read(Section item) {
    Optional<YamlNode.Scalar> node = item.plainScalar("id");
    if (node.isEmpty()) {
      if (item.value("id").isEmpty()) {
        item.missing("id", "is required");
      }
      return Optional.empty();
    }
    String id = node.get().text();
    if (!FORM.matcher(id).matches()) {
      problems.add(
          node.get(),
          "'" + id + "' is not a valid id: lower-case letters and digits, single '-' between them");
      return Optional.empty();
    }
    if (id.length() > MAX_LENGTH) {
      problems.add(node.get(), "is longer than " + MAX_LENGTH + " characters");
      return Optional.empty();
    }
    Integer first = firstLine.putIfAbsent(id, node.get().line());
    if (first != null) {
      problems.add(node.get(), "duplicate id '" + id + "' (first at line " + first + ")");
    }
    return Optional.of(id);
  }

  Set<String> ids() {
    return Set.copyOf(firstLine.keySet());
  }
}
