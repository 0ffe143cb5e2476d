package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds the {@code audit:} section, recording every problem with its file and line. */
final class AuditBinder {
  private static final List<String> KEYS =
      List.of(
          "enabled", "checkpoint-key", "checkpoint-every", "retention", "sync", "commit-timeout");
  private static final List<String> RETENTION_KEYS = List.of("max-age", "max-records");
  private static final String KEY_ADVICE = "put the checkpoint key in ${env:…} or ${file:…}";

  private final Problems problems;
  private final SecretResolver secrets;

  AuditBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  AuditConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return AuditConfig.DEFAULTS;
    }
    return Section.of(node.get(), problems, KEYS).map(this::bind).orElse(AuditConfig.DEFAULTS);
  }

  private AuditConfig bind(Section s) {
    AuditConfig d = AuditConfig.DEFAULTS;
    boolean enabled = s.parsed("enabled", AuditBinder::bool).orElse(d.enabled());
    Optional<Secret> key = s.value("checkpoint-key").flatMap(n -> secrets.reference(n, KEY_ADVICE));
    long every = s.parsed("checkpoint-every", AuditBinder::positive).orElse(d.checkpointEvery());
    AuditConfig.Sync sync = s.parsed("sync", AuditBinder::sync).orElse(d.sync());
    Duration timeout = s.parsed("commit-timeout", Durations::parse).orElse(d.commitTimeout());
    Optional<Duration> maxAge = Optional.empty();
    long maxRecords = 0;
    Optional<Section> retention =
        s.mapping("retention").flatMap(m -> Section.of(m, problems, RETENTION_KEYS));
    if (retention.isPresent()) {
      maxAge = retention.get().parsed("max-age", Durations::parse);
      maxRecords = retention.get().parsed("max-records", AuditBinder::positive).orElse(0L);
      if ((maxAge.isPresent() || maxRecords > 0) && key.isEmpty()) {
        s.missing(
            "checkpoint-key",
            "is required with retention: pruned trails continue from a signed checkpoint");
      }
    }
    return new AuditConfig(enabled, key, every, maxAge, maxRecords, sync, timeout);
  }

  private static boolean bool(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static long positive(String text) {
    try {
      long n = Long.parseLong(text.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException("must be a whole number greater than zero");
  }

  private static AuditConfig.Sync sync(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "full" -> AuditConfig.Sync.FULL;
      case "normal" -> AuditConfig.Sync.NORMAL;
      default -> throw new IllegalArgumentException("must be full or normal");
    };
  }
}
