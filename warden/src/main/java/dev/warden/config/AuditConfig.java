package dev.warden.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code audit:} section.
 *
 * @param enabled whether every request is recorded (default true)
 * @param checkpointKey HMAC key for signed checkpoints; without it no checkpoints are written and a
 *     cut-off tail cannot be detected
 * @param checkpointEvery a checkpoint after this many records
 * @param maxAge retention: whole segments older than this are pruned
 * @param maxRecords retention: whole segments are pruned while more than this many records are
 *     kept; 0 for no limit
 * @param sync how hard each commit is pushed to disk
 * @param commitTimeout how long a request waits for its record's commit before failing closed
 */
public record AuditConfig(
    boolean enabled,
    Optional<Secret> checkpointKey,
    long checkpointEvery,
    Optional<Duration> maxAge,
    long maxRecords,
    Sync sync,
    Duration commitTimeout) {

  /** {@code full}: fsync every commit (survives power loss); {@code normal}: survives a kill. */
  public enum Sync {
    FULL,
    NORMAL
  }

  public static final AuditConfig DEFAULTS =
      new AuditConfig(
          true, Optional.empty(), 1000, Optional.empty(), 0, Sync.NORMAL, Duration.ofSeconds(10));

  /** The same settings with auditing off (the in-code demo and test harnesses). */
  public AuditConfig disabled() {
    return new AuditConfig(
        false, checkpointKey, checkpointEvery, maxAge, maxRecords, sync, commitTimeout);
  }
}
