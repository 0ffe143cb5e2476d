package dev.warden.config;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads one entry of {@code detectors:}, compiling its pattern with RE2/J to report it early. */
final class DetectorBinder {
  private static final List<String> KEYS =
      List.of("id", "kind", "pattern", "words", "validator", "context", "confidence", "frameworks");

  private final Problems problems;
  private final UniqueIds ids;

  DetectorBinder(Problems problems) {
    this.problems = problems;
    this.ids = new UniqueIds(problems);
  }

  Optional<DetectorConfig> bind(YamlNode node) {
    Optional<Section> read = Section.of(node, problems, KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id = ids.read(s);
    Optional<DetectorConfig.Kind> kind = required(s, "kind", DetectorConfig.Kind.class);
    Optional<String> pattern = Optional.empty();
    List<String> words = List.of();
    if (kind.orElse(null) == DetectorConfig.Kind.REGEX) {
      pattern = pattern(s);
      s.forbid("words", "only applies to kind: dictionary");
    } else if (kind.orElse(null) == DetectorConfig.Kind.DICTIONARY) {
      words = words(s, "words");
      if (words.isEmpty()) {
        s.missing("words", "is required for kind: dictionary (a list of words)");
      }
      s.forbid("pattern", "only applies to kind: regex");
    }
    DetectorConfig.Validator validator =
        s.parsed("validator", t -> parse(DetectorConfig.Validator.class, t))
            .orElse(DetectorConfig.Validator.NONE);
    DetectorConfig.Confidence confidence =
        s.parsed("confidence", t -> parse(DetectorConfig.Confidence.class, t))
            .orElse(DetectorConfig.Confidence.MEDIUM);
    List<String> context = words(s, "context");
    List<String> frameworks = s.strings("frameworks");
    if (id.isEmpty()
        || kind.isEmpty()
        || (kind.get() == DetectorConfig.Kind.REGEX && pattern.isEmpty())
        || (kind.get() == DetectorConfig.Kind.DICTIONARY && words.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new DetectorConfig(
            id.get(),
            kind.get(),
            pattern.orElse(""),
            words,
            validator,
            context,
            confidence,
            frameworks));
  }

  private <E extends Enum<E>> Optional<E> required(Section s, String key, Class<E> type) {
    if (s.value(key).isEmpty()) {
      s.missing(key, "is required: " + choices(type));
      return Optional.empty();
    }
    return s.parsed(key, t -> parse(type, t));
  }

  private Optional<String> pattern(Section s) {
    if (s.value("pattern").isEmpty()) {
      s.missing("pattern", "is required for kind: regex (an RE2 expression)");
      return Optional.empty();
    }
    return s.parsed(
        "pattern",
        text -> {
          try {
            com.google.re2j.Pattern.compile(text);
            return text;
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a valid RE2 expression: " + e.getMessage());
          }
        });
  }

  /** Words are compared case-insensitively; blank ones are errors. */
  private List<String> words(Section s, String key) {
    List<String> out = new ArrayList<>();
    for (YamlNode.Scalar word : s.scalars(key)) {
      if (word.text().isBlank()) {
        problems.add(word, "must not be blank");
      } else {
        Section.plain(word, problems).ifPresent(w -> out.add(w.strip().toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.strip())) {
        return e;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not one of: " + choices(type));
  }

  private static <E extends Enum<E>> String choices(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }
}
