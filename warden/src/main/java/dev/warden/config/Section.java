package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One YAML mapping read as a configuration section: only its known keys are allowed, values are
 * read with their expected shape, and anything wrong is recorded as a problem instead of thrown. An
 * explicit empty value ({@code key:} or {@code ~}) reads as absent.
 */
final class Section {
  static final String REFERENCE_PLACES =
      "admin.tokens, audit.checkpoint-key, servers[].headers, servers[].env, agents[].keys,"
          + " data-protection.tokenize-key, telemetry.otlp.headers, alerts.webhooks[].url,"
          + " alerts.webhooks[].secret and alerts.webhooks[].headers";

  private final YamlNode.Mapping mapping;
  private final Problems problems;

  private Section(YamlNode.Mapping mapping, Problems problems) {
    this.mapping = mapping;
    this.problems = problems;
  }

  /** The section at {@code node}, or empty when it is not a mapping; unknown keys are reported. */
  static Optional<Section> of(YamlNode node, Problems problems, List<String> keys) {
    if (!(node instanceof YamlNode.Mapping mapping)) {
      problems.add(node, "must be a mapping (key: value lines), not " + node.kind());
      return Optional.empty();
    }
    for (YamlNode.Entry entry : mapping.entries().values()) {
      if (!keys.contains(entry.key())) {
        problems.add(
            entry.line(),
            entry.column(),
            YamlNode.child(mapping.path(), entry.key()),
            "unknown key; expected one of: " + String.join(", ", keys));
      }
    }
    return Optional.of(new Section(mapping, problems));
  }

  YamlNode.Mapping node() {
    return mapping;
  }

  Optional<YamlNode> value(String key) {
    YamlNode.Entry entry = mapping.entries().get(key);
    if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Whether the key is absent, empty or an empty list (a value of another shape is not). */
  boolean isEmptyList(String key) {
    return value(key)
        .map(v -> v instanceof YamlNode.Sequence seq && seq.items().isEmpty())
        .orElse(true);
  }

  /** Whether the key is written at all, even with an empty value. */
  boolean isWritten(String key) {
    return mapping.entries().containsKey(key);
  }

  Optional<YamlNode.Scalar> scalar(String key) {
    return value(key).flatMap(node -> asScalar(node, problems));
  }

  /** A plain single value: no secret reference may hide in it. */
  Optional<YamlNode.Scalar> plainScalar(String key) {
    return scalar(key).filter(node -> plain(node, problems).isPresent());
  }

  Optional<String> string(String key) {
    return plainScalar(key).map(YamlNode.Scalar::text);
  }

  /**
   * A plain value turned into {@code T} by {@code parser}, whose IllegalArgumentException message
   * becomes the problem.
   */
  <T> Optional<T> parsed(String key, Function<String, T> parser) {
    return plainScalar(key)
        .flatMap(
            node -> {
              try {
                return Optional.of(parser.apply(node.text()));
              } catch (IllegalArgumentException e) {
                problems.add(node, e.getMessage());
                return Optional.empty();
              }
            });
  }

  String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  /** Records a problem about a key that is absent, at its empty entry or at the section. */
  void missing(String key, String message) {
    YamlNode.Entry entry = mapping.entries().get(key);
    int line = entry == null ? mapping.line() : entry.line();
    int column = entry == null ? mapping.column() : entry.column();
    problems.add(line, column, YamlNode.child(mapping.path(), key), message);
  }

  /** Records a problem when the key is written, for keys that do not apply here. */
  void forbid(String key, String message) {
    YamlNode.Entry entry = mapping.entries().get(key);
    if (entry != null) {
      problems.add(entry.line(), entry.column(), YamlNode.child(mapping.path(), key), message);
    }
  }

  /** The list's single values; other items are reported and left out. */
  List<YamlNode.Scalar> scalars(String key) {
    List<YamlNode.Scalar> out = new ArrayList<>();
    sequence(key)
        .ifPresent(list -> list.items().forEach(i -> asScalar(i, problems).ifPresent(out::add)));
    return out;
  }

  /** A list of plain strings, empty when absent. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    scalars(key).forEach(s -> plain(s, problems).ifPresent(out::add));
    return out;
  }

  Optional<YamlNode.Sequence> sequence(String key) {
    Optional<YamlNode> node = value(key);
    if (node.isPresent() && !(node.get() instanceof YamlNode.Sequence)) {
      problems.add(node.get(), "must be a list such as [a, b], not " + node.get().kind());
      return Optional.empty();
    }
    return node.map(YamlNode.Sequence.class::cast);
  }

  Optional<YamlNode.Mapping> mapping(String key) {
    Optional<YamlNode> node = value(key);
    if (node.isPresent() && !(node.get() instanceof YamlNode.Mapping)) {
      problems.add(
          node.get(), "must be a mapping such as { name: value }, not " + node.get().kind());
      return Optional.empty();
    }
    return node.map(YamlNode.Mapping.class::cast);
  }

  static Optional<YamlNode.Scalar> asScalar(YamlNode node, Problems problems) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      return Optional.of(scalar);
    }
    problems.add(node, "must be a single value, not " + node.kind());
    return Optional.empty();
  }

  static Optional<String> plain(YamlNode.Scalar node, Problems problems) {
    if (node.text().contains("${")) {
      problems.add(node, "${…} references are only resolved in " + REFERENCE_PLACES);
      return Optional.empty();
    }
    return Optional.of(node.text());
  }
}
