package dev.warden.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Prunes whole segments of the trail: everything up to a signed checkpoint, which stays as the
 * anchor the first kept record continues from, so the rest still verifies.
 *
 * @param maxAge segments whose checkpoint was signed longer ago than this go
 * @param maxRecords while more records than this are kept, the oldest segments go; 0 for no limit
 */
public record AuditRetention(Optional<Duration> maxAge, long maxRecords) {

  public boolean active() {
    return maxAge.isPresent() || maxRecords > 0;
  }

  /** The checkpoint through which to prune now, if any. */
  OptionalLong pruneThrough(List<Checkpoint> checkpoints, long lastSeq, Instant now) {
    long through = 0;
    for (Checkpoint c : checkpoints) {
      boolean old = maxAge.isPresent() && c.timeMillis() < now.minus(maxAge.get()).toEpochMilli();
      // Cutting here keeps lastSeq - c.seq() records; cut at the first checkpoint that keeps few
      // enough, never at a later one.
      boolean tooMany = maxRecords > 0 && lastSeq - through > maxRecords;
      if (old || tooMany) {
        through = c.seq();
      }
    }
    return through == 0 ? OptionalLong.empty() : OptionalLong.of(through);
  }

  /** Prunes {@code sink} once; returns the sequence number pruned through, if anything went. */
  public OptionalLong apply(AuditSink sink, Instant now) throws Exception {
    if (!active()) {
      return OptionalLong.empty();
    }
    Optional<AuditRecord> last = sink.last();
    if (last.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong through = pruneThrough(sink.checkpoints(), last.get().seq(), now);
    if (through.isPresent()) {
      sink.prune(through.getAsLong());
    }
    return through;
  }
}
