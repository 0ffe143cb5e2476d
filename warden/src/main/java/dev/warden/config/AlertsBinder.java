package dev.warden.config;

import java.util.List;
import java.util.Optional;

/** Binds the {@code alerts:} section. */
final class AlertsBinder {
  private static final List<String> KEYS = List.of();

  private final Problems problems;
  private final SecretResolver secrets;

  AlertsBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  AlertsConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return AlertsConfig.NONE;
    }
    return Section.of(node.get(), problems, KEYS)
        .map(s -> AlertsConfig.NONE)
        .orElse(AlertsConfig.NONE);
  }
}
