package dev.warden.audit;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A filtered, paged read of the trail, newest first. Every filter is optional; {@code before} is
 * the cursor: only records with a smaller sequence number are returned. {@code user} is the end
 * user the agent acted for.
 */
public record AuditQuery(
    Optional<String> agent,
    Optional<String> user,
    Optional<String> persona,
    Optional<String> tool,
    Optional<String> decision,
    OptionalLong fromMillis,
    OptionalLong toMillis,
    OptionalLong before,
    int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }

  /** Everything, newest first, {@code limit} at a time. */
  public static AuditQuery all(int limit) {
    return new AuditQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        limit);
  }
}
