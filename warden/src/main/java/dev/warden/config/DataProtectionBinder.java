package dev.warden.config;

import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.config.DataProtectionConfig.Trust;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@code data-protection:}; rules may name only configured personas and servers. */
final class DataProtectionBinder {
  private static final List<String> KEYS = List.of("tokenize-key", "rules", "trust");
  private static final List<String> RULE_KEYS =
      List.of(
          "id", "personas", "servers", "direction", "types", "frameworks", "action", "keep-last");
  private static final List<String> TRUST_KEYS = List.of("order", "on-hop");
  private static final Pattern TYPE = Pattern.compile("[A-Z0-9_]+");
  private static final Pattern FRAMEWORK = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_KEEP = 16;

  private final Problems problems;
  private final SecretResolver secrets;
  private final Set<String> personas;
  private final Set<String> servers;
  private final UniqueIds ids;

  DataProtectionBinder(
      Problems problems, SecretResolver secrets, Set<String> personas, Set<String> servers) {
    this.problems = problems;
    this.secrets = secrets;
    this.personas = personas;
    this.servers = servers;
    this.ids = new UniqueIds(problems);
  }

  Optional<DataProtectionConfig> bind(YamlNode node) {
    return Section.of(node, problems, KEYS)
        .map(
            s -> {
              Optional<Secret> key =
                  s.value("tokenize-key")
                      .flatMap(k -> secrets.reference(k, "put the key in ${env:…} or ${file:…}"));
              List<DataRule> rules = new ArrayList<>();
              s.sequence("rules")
                  .ifPresent(seq -> seq.items().forEach(i -> rule(i).ifPresent(rules::add)));
              Trust trust = s.value("trust").flatMap(this::trust).orElse(Trust.NONE);
              return new DataProtectionConfig(key, rules, trust);
            });
  }

  private Optional<DataRule> rule(YamlNode node) {
    Optional<Section> read = Section.of(node, problems, RULE_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id = ids.read(s);
    List<String> ruleServers = known(s, "servers", servers, "server");
    List<String> rulePersonas = known(s, "personas", personas, "persona");
    Direction direction =
        s.parsed("direction", t -> parse(Direction.class, t)).orElse(Direction.BOTH);
    List<String> types = matching(s, "types", TYPE, "a type id such as CARD_VISA");
    List<String> frameworks = matching(s, "frameworks", FRAMEWORK, "a tag such as PCI-DSS");
    if (s.value("action").isEmpty()) {
      s.missing("action", "is required: one of " + choices(Action.class));
    }
    Optional<Action> action = s.parsed("action", t -> parse(Action.class, t));
    int keepLast = s.parsed("keep-last", DataProtectionBinder::keep).orElse(4);
    if (action.isPresent() && action.get() != Action.MASK) {
      s.forbid("keep-last", "is only used by action mask");
    }
    if (id.isEmpty() || action.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DataRule(
            id.get(),
            rulePersonas,
            ruleServers,
            direction,
            types,
            frameworks.stream().map(f -> f.toUpperCase(Locale.ROOT)).toList(),
            action.get(),
            keepLast));
  }

  private Optional<Trust> trust(YamlNode node) {
    return Section.of(node, problems, TRUST_KEYS)
        .map(
            s -> {
              List<String> order = matching(s, "order", LABEL, "a label such as prod");
              if (order.size() != Set.copyOf(order).size()) {
                s.missing("order", "names a label twice");
              }
              Action onHop = s.parsed("on-hop", DataProtectionBinder::hop).orElse(Action.BLOCK);
              return new Trust(order, onHop);
            });
  }

  private List<String> known(Section s, String key, Set<String> known, String what) {
    List<String> out = new ArrayList<>();
    for (YamlNode.Scalar item : s.scalars(key)) {
      if (known.contains(item.text())) {
        out.add(item.text());
      } else {
        problems.add(item, "'" + item.text() + "' is not a configured " + what);
      }
    }
    return out;
  }

  private List<String> matching(Section s, String key, Pattern form, String expected) {
    List<String> out = new ArrayList<>();
    for (YamlNode.Scalar item : s.scalars(key)) {
      if (form.matcher(item.text()).matches()) {
        out.add(item.text());
      } else {
        problems.add(item, "'" + item.text() + "' is not " + expected);
      }
    }
    return out;
  }

  private static int keep(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 0 && n <= MAX_KEEP) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the one message below
    }
    throw new IllegalArgumentException("must be a whole number from 0 to " + MAX_KEEP);
  }

  private static Action hop(String text) {
    Action a = parse(Action.class, text);
    if (a != Action.BLOCK && a != Action.ALERT) {
      throw new IllegalArgumentException("must be block or alert, not '" + text + "'");
    }
    return a;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be one of " + choices(type) + ", not '" + text + "'");
    }
  }

  private static String choices(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
