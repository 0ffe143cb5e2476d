package dev.warden.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every entry submitted since its last commit, links them into the
 * chain in that order and stores them in one transaction, then completes each entry's future.
 * Concurrent requests so share one fsync, and the chain never forks because only this thread
 * assigns sequence numbers and hashes.
 */
public final class AuditWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 1024;
  private static final int QUEUE = 65_536;

  private record Pending(AuditEntry entry, CompletableFuture<AuditRecord> done) {}

  private final AuditSink sink;
  private final Optional<CheckpointSigner> signer;
  private final long checkpointEvery;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean open = true;
  private long seq;
  private String hash;
  private long lastCheckpoint;
  private volatile long written;

  /**
   * Resumes the chain after the sink's last record.
   *
   * @param checkpointEvery a signed checkpoint after this many records (and at close), when a
   *     signer is given
   */
  public AuditWriter(AuditSink sink, Optional<CheckpointSigner> signer, long checkpointEvery)
      throws Exception {
    this.sink = sink;
    this.signer = signer;
    this.checkpointEvery = checkpointEvery;
    Optional<AuditRecord> last = sink.last();
    // A trail pruned to nothing continues from the checkpoint retention kept as its anchor.
    Optional<Checkpoint> anchor =
        last.isPresent() ? Optional.empty() : sink.checkpoints().stream().reduce((x, y) -> y);
    this.seq = last.map(AuditRecord::seq).or(() -> anchor.map(Checkpoint::seq)).orElse(0L);
    this.hash =
        last.map(AuditRecord::hash)
            .or(() -> anchor.map(Checkpoint::hash))
            .orElse(AuditRecord.GENESIS);
    this.lastCheckpoint = seq;
    this.thread = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
  }

  /**
   * Queues {@code entry}; the future completes once its record is committed, or fails when the
   * commit failed or the writer is closed. Blocks while the queue is full (back-pressure).
   */
  public CompletableFuture<AuditRecord> submit(AuditEntry entry) {
    CompletableFuture<AuditRecord> done = new CompletableFuture<>();
    if (!open) {
      done.completeExceptionally(new IllegalStateException("audit writer closed"));
      return done;
    }
    try {
      queue.put(new Pending(entry, done));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Records committed since start. */
  public long written() {
    return written;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    List<AuditRecord> records = new ArrayList<>(batch.size());
    String prev = hash;
    for (Pending p : batch) {
      AuditRecord r = AuditRecord.link(seq + records.size() + 1, p.entry(), prev);
      records.add(r);
      prev = r.hash();
    }
    AuditRecord last = records.getLast();
    List<Checkpoint> checkpoints = new ArrayList<>(1);
    if (signer.isPresent() && last.seq() - lastCheckpoint >= checkpointEvery) {
      checkpoints.add(signer.get().sign(last.seq(), last.hash(), System.currentTimeMillis()));
    }
    try {
      sink.append(records, checkpoints);
    } catch (Exception e) {
      // Nothing of the batch is stored: the chain stays where it was and every waiter is told.
      log.error("audit commit failed for {} records: {}", records.size(), e.toString());
      batch.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    seq = last.seq();
    hash = last.hash();
    if (!checkpoints.isEmpty()) {
      lastCheckpoint = seq;
    }
    written += records.size();
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(records.get(i));
    }
  }

  /** Commits what is queued, writes a final checkpoint and stops the thread. */
  @Override
  public void close() {
    open = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (signer.isPresent() && seq > lastCheckpoint) {
      try {
        sink.append(List.of(), List.of(signer.get().sign(seq, hash, System.currentTimeMillis())));
      } catch (Exception e) {
        log.warn("final audit checkpoint not written: {}", e.toString());
      }
    }
    sink.close();
  }
}
