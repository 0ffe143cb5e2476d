package dev.warden.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it was written. Jackson's own tree forgets line numbers, and every
 * configuration error must name its line, so the loader builds this small tree instead.
 */
sealed interface YamlNode {
  /** Dotted path from the root, e.g. {@code servers[1].headers.Authorization}. */
  String path();

  int line();

  int column();

  /** How the value reads to a person, for "must be a list, not a mapping". */
  String kind();

  /** A plain value; {@code isNull} for {@code ~}, {@code null} or nothing after the colon. */
  record Scalar(String path, int line, int column, String text, boolean isNull)
      implements YamlNode {
    @Override
    public String kind() {
      return isNull ? "empty" : "a single value";
    }
  }

  record Sequence(String path, int line, int column, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** Entries in file order, keyed by their key text. */
  record Mapping(String path, int line, int column, Map<String, Entry> entries)
      implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One {@code key: value} pair; the key's own position is where "unknown key" points. */
  record Entry(String key, int line, int column, YamlNode value) {}

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
