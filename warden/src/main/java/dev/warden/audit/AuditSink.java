package dev.warden.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where audit records are kept. Only {@link AuditWriter}'s one thread appends, so the chain is
 * extended in one order; readers may run at any time.
 */
public interface AuditSink extends AutoCloseable {
  /**
   * Stores {@code records} and {@code checkpoints} in one transaction: when this returns they are
   * durable (as far as the configured sync mode promises); when it throws, none of them is.
   */
  void append(List<AuditRecord> records, List<Checkpoint> checkpoints) throws Exception;

  /** The record with the highest sequence number. */
  Optional<AuditRecord> last() throws Exception;

  /** Up to {@code limit} records with {@code seq > after}, in sequence order. */
  List<AuditRecord> read(long after, int limit) throws Exception;

  /** A filtered page, newest first. */
  List<AuditRecord> query(AuditQuery query) throws Exception;

  /** Every checkpoint, in sequence order. */
  List<Checkpoint> checkpoints() throws Exception;

  /**
   * Deletes every record with {@code seq <= through} and every checkpoint before {@code through};
   * the checkpoint at {@code through} stays as the anchor the first kept record continues from.
   */
  void prune(long through) throws Exception;

  @Override
  void close();
}
