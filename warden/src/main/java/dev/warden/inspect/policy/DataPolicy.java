package dev.warden.inspect.policy;

import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.Finding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what happens to one finding: the first rule that matches persona, server, direction and
 * type (or compliance tag) wins; when none does, the secure default redacts secrets, credentials
 * and payment cards and alerts on everything else.
 */
public final class DataPolicy {
  /** The rule that decided (a configured id, or {@code default-redact}/{@code default-alert}). */
  public record Decision(String rule, Action action, int keepLast) {}

  static final Decision DEFAULT_REDACT = new Decision("default-redact", Action.REDACT, 0);
  static final Decision DEFAULT_ALERT = new Decision("default-alert", Action.ALERT, 0);

  private record Where(String persona, String server, Direction direction) {}

  private final List<DataRule> rules;
  private final Set<String> redactedByDefault;
  private final Map<Where, Boolean> intervenes = new ConcurrentHashMap<>();

  public DataPolicy(List<DataRule> rules, Set<String> redactedByDefault) {
    this.rules = List.copyOf(rules);
    this.redactedByDefault = Set.copyOf(redactedByDefault);
  }

  public Decision decide(String persona, String server, Direction direction, Finding f) {
    for (DataRule r : rules) {
      if (applies(r, persona, server, direction) && covers(r, f)) {
        return new Decision(r.id(), r.action(), r.keepLast());
      }
    }
    return redactedByDefault.contains(f.type()) ? DEFAULT_REDACT : DEFAULT_ALERT;
  }

  /**
   * Whether any finding here could be changed or stop the call. When not, a reply needs no reading
   * and streams through untouched.
   */
  public boolean intervenes(String persona, String server, Direction direction) {
    return intervenes.computeIfAbsent(
        new Where(persona, server, direction), w -> compute(persona, server, direction));
  }

  private boolean compute(String persona, String server, Direction direction) {
    for (DataRule r : rules) {
      if (!applies(r, persona, server, direction)) {
        continue;
      }
      if (r.action().intervenes()) {
        return true;
      }
      if (r.types().isEmpty() && r.frameworks().isEmpty()) {
        return false; // catches every type before the default can redact
      }
    }
    return !redactedByDefault.isEmpty();
  }

  private static boolean applies(DataRule r, String persona, String server, Direction d) {
    return r.direction().covers(d)
        && (r.personas().isEmpty() || r.personas().contains(persona))
        && (r.servers().isEmpty() || r.servers().contains(server));
  }

  private static boolean covers(DataRule r, Finding f) {
    if (r.types().isEmpty() && r.frameworks().isEmpty()) {
      return true;
    }
    if (r.types().contains(f.type())) {
      return true;
    }
    for (String tag : r.frameworks()) {
      if (f.frameworks().contains(tag)) {
        return true;
      }
    }
    return false;
  }
}
