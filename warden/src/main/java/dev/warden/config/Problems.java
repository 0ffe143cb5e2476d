package dev.warden.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while the loader keeps going, so one run reports all of them. */
final class Problems {
  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  void add(YamlNode at, String message) {
    add(at.line(), at.column(), at.path(), message);
  }

  /** A problem with a mapping key itself (its name), pointing at the key rather than its value. */
  void addAtKey(YamlNode.Entry entry, String message) {
    add(entry.line(), entry.column(), entry.value().path(), message);
  }

  void add(int line, int column, String key, String message) {
    found.add(new ConfigProblem(file, line, column, key, message));
  }

  void throwIfAny() throws ConfigException {
    if (!found.isEmpty()) {
      throw inFileOrder();
    }
  }

  /** A problem that ends loading at once (a syntax error, an empty file), with those before it. */
  ConfigException fatal(int line, int column, String message) {
    add(line, column, "", message);
    return inFileOrder();
  }

  private ConfigException inFileOrder() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return new ConfigException(sorted);
  }
}
