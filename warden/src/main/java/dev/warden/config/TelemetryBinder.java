package dev.warden.config;

import java.util.List;
import java.util.Optional;

/** Binds the {@code telemetry:} section. */
final class TelemetryBinder {
  private static final List<String> KEYS = List.of();

  private final Problems problems;
  private final SecretResolver secrets;

  TelemetryBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  TelemetryConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return TelemetryConfig.DISABLED;
    }
    return Section.of(node.get(), problems, KEYS)
        .map(s -> TelemetryConfig.DISABLED)
        .orElse(TelemetryConfig.DISABLED);
  }
}
