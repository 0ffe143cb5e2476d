package dev.warden.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code data-protection:} section: what happens to sensitive values found in requests and
 * responses. Rules are tried in order and the first that matches a finding decides; when none
 * matches the secure default applies (secrets, credentials and payment cards redacted both ways,
 * every other type alerted).
 *
 * @param tokenizeKey the HMAC key for {@code tokenize}; empty: a random key per process
 * @param rules the operator's rules, in order
 * @param trust server trust order and what a hop from higher to lower trust does
 */
public record DataProtectionConfig(
    Optional<Secret> tokenizeKey, List<DataRule> rules, Trust trust) {

  /** No rules and no trust order: the secure default alone. */
  public static final DataProtectionConfig DEFAULT =
      new DataProtectionConfig(Optional.empty(), List.of(), Trust.NONE);

  public DataProtectionConfig {
    rules = List.copyOf(rules);
  }

  /** Which way a value travels: in a call's arguments, or in an upstream's answer. */
  public enum Direction {
    REQUEST,
    RESPONSE,
    BOTH;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean covers(Direction d) {
      return this == BOTH || this == d;
    }
  }

  /** What is done with a value. */
  public enum Action {
    ALLOW,
    ALERT,
    MASK,
    REDACT,
    TOKENIZE,
    BLOCK;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the value is changed or the call stopped (the reply must be read before relaying).
     */
    public boolean intervenes() {
      return this != ALLOW && this != ALERT;
    }
  }

  /**
   * One rule; empty lists match anything.
   *
   * @param types detector type ids, e.g. CARD_VISA
   * @param frameworks compliance tags, e.g. PCI-DSS; a finding matches by type or by tag
   * @param keepLast for mask: how many trailing letters and digits stay visible
   */
  public record DataRule(
      String id,
      List<String> personas,
      List<String> servers,
      Direction direction,
      List<String> types,
      List<String> frameworks,
      Action action,
      int keepLast) {
    public DataRule {
      personas = List.copyOf(personas);
      servers = List.copyOf(servers);
      types = List.copyOf(types);
      frameworks = List.copyOf(frameworks);
    }
  }

  /**
   * Server trust, lowest first; a server's rank is that of its highest label. Empty order: values
   * are not followed between servers.
   *
   * @param onHop {@link Action#BLOCK} or {@link Action#ALERT}
   */
  public record Trust(List<String> order, Action onHop) {
    public static final Trust NONE = new Trust(List.of(), Action.BLOCK);

    public Trust {
      order = List.copyOf(order);
    }
  }
}
