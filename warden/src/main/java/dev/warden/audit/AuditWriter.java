package dev.warden.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
  private static final long LINGER_MILLIS = 5;

  /**
   * {@code journaled}: the request went on without waiting, so the entry must be stored whatever it
   * takes; {@code done} may then be null (nobody wants the record).
   */
  private record Pending(
      AuditEntry entry, CompletableFuture<AuditRecord> done, long segment, boolean journaled) {}

  private final AuditSink sink;
  private final AuditJournal journal;
  private final Optional<CheckpointSigner> signer;
  private final long checkpointEvery;
  private final CanonicalForm form = new CanonicalForm();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean open = true;
  private long seq;
  private String hash;
  private long lastCheckpoint;
  private volatile long written;
  private long releasedSegment;

  /**
   * Resumes the chain after the sink's last record.
   *
   * @param checkpointEvery a signed checkpoint after this many records (and at close), when a
   *     signer is given
   */
  public AuditWriter(AuditSink sink, Optional<CheckpointSigner> signer, long checkpointEvery)
      throws Exception {
    this(sink, signer, checkpointEvery, null);
  }

  /**
   * A writer that first stores what {@code journal} holds and the trail lacks (entries a killed
   * gateway acknowledged but did not commit), then takes entries through {@link #record}.
   */
  AuditWriter(
      AuditSink sink, Optional<CheckpointSigner> signer, long checkpointEvery, AuditJournal journal)
      throws Exception {
    this.sink = sink;
    this.journal = journal;
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
    if (journal != null) {
      recover(journal);
    }
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
      queue.put(new Pending(entry, done, 0, false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  /**
   * Writes {@code entry} to the journal and queues it for the trail without waiting for the commit:
   * once this returns, the entry survives a killed gateway. Only for a writer with a journal.
   */
  public void record(AuditEntry entry) throws IOException {
    record(entry, null);
  }

  /** {@link #record(AuditEntry)}, handing the committed record to {@code committed} if not null. */
  public void record(AuditEntry entry, Consumer<AuditRecord> committed) throws IOException {
    if (!open) {
      throw new IOException("audit writer closed");
    }
    CompletableFuture<AuditRecord> done = null;
    if (committed != null) {
      done = new CompletableFuture<>();
      done.thenAccept(committed);
    }
    CompletableFuture<AuditRecord> f = done;
    journal.append(entry, segment -> enqueue(new Pending(entry, f, segment, true)));
  }

  /** Whether {@link #record} is available (entries are journaled instead of awaited). */
  public boolean journaled() {
    return journal != null;
  }

  private void enqueue(Pending p) {
    try {
      queue.put(p);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing an audit entry", e);
    }
  }

  /** Stores the journal's entries the trail does not hold yet, in journal order. */
  private void recover(AuditJournal journal) throws Exception {
    List<AuditEntry> entries = journal.entries();
    if (!entries.isEmpty()) {
      java.util.Set<String> stored = new java.util.HashSet<>();
      for (AuditRecord r : sink.read(Math.max(0, seq - entries.size()), entries.size())) {
        AuditEntry stored1 = r.entry();
        if (stored1.kind().equals(AuditEntry.CALL)) {
          stored.add(stored1.requestId() + '/' + AuditEntry.DECISION);
          stored.add(stored1.requestId() + '/' + AuditEntry.COMPLETION);
        } else {
          stored.add(key(stored1));
        }
      }
      List<Pending> missing = new ArrayList<>();
      for (AuditEntry e : entries) {
        if (!stored.contains(key(e))) {
          missing.add(new Pending(e, new CompletableFuture<>(), 0, true));
        }
      }
      for (int i = 0; i < missing.size(); i += MAX_BATCH) {
        List<Pending> batch = missing.subList(i, Math.min(missing.size(), i + MAX_BATCH));
        if (!commit(batch)) {
          throw new IllegalStateException("journaled audit records could not be stored");
        }
      }
      if (!missing.isEmpty()) {
        log.info("audit: stored {} journaled records a stopped gateway had not", missing.size());
      }
    }
    journal.committedAll();
  }

  private static String key(AuditEntry e) {
    return e.requestId() + '/' + e.kind();
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
        if (first.journaled() && queue.size() < MAX_BATCH / 2) {
          // Nobody waits for a journaled entry: a short linger gathers a larger batch, so the
          // database sees fewer, bigger transactions under load.
          Thread.sleep(LINGER_MILLIS);
        }
        queue.drainTo(batch, MAX_BATCH - 1);
        commitOrRetry(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  /** Commits; journaled entries were acknowledged already, so they are retried until stored. */
  private void commitOrRetry(List<Pending> batch) throws InterruptedException {
    long backoff = 100;
    while (!commit(batch) && batch.stream().anyMatch(Pending::journaled)) {
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, 5_000);
    }
  }

  private static void fail(Pending p, Exception e) {
    if (p.done() != null) {
      p.done().completeExceptionally(e);
    }
  }

  private boolean commit(List<Pending> batch) {
    AuditEntry[] entries = merged(batch);
    List<AuditRecord> records = new ArrayList<>(batch.size());
    int[] recordOf = new int[batch.size()];
    String prev = hash;
    for (int i = 0; i < entries.length; i++) {
      recordOf[i] = -1;
      if (entries[i] != null) {
        AuditRecord r = AuditRecord.link(seq + records.size() + 1, entries[i], prev, form);
        recordOf[i] = records.size();
        records.add(r);
        prev = r.hash();
      }
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
      batch.forEach(p -> fail(p, e));
      return false;
    }
    seq = last.seq();
    hash = last.hash();
    if (!checkpoints.isEmpty()) {
      lastCheckpoint = seq;
    }
    written += records.size();
    for (int i = 0; i < batch.size(); i++) {
      // An entry folded into another record has no record of its own to hand out.
      if (batch.get(i).done() != null && recordOf[i] >= 0) {
        batch.get(i).done().complete(records.get(recordOf[i]));
      }
    }
    long segment = batch.getLast().segment();
    if (journal != null && segment > releasedSegment) {
      journal.committedBefore(segment);
      releasedSegment = segment;
    }
    return true;
  }

  /**
   * The entries to store for {@code batch}: a journaled completion whose decision is in the same
   * batch is folded into it, so the call gets one record ({@link AuditEntry#CALL}) instead of two;
   * its own slot is null. Awaited ({@code sync: full}) decisions are committed before their reply,
   * so they never meet their completion here.
   */
  private static AuditEntry[] merged(List<Pending> batch) {
    AuditEntry[] entries = new AuditEntry[batch.size()];
    java.util.Map<String, Integer> decisions = null;
    for (int i = 0; i < entries.length; i++) {
      Pending p = batch.get(i);
      AuditEntry e = p.entry();
      entries[i] = e;
      if (!p.journaled()) {
        continue;
      }
      if (e.kind().equals(AuditEntry.DECISION)) {
        decisions = decisions == null ? new java.util.HashMap<>() : decisions;
        decisions.put(e.requestId(), i);
      } else if (e.kind().equals(AuditEntry.COMPLETION) && decisions != null) {
        Integer d = decisions.remove(e.requestId());
        if (d != null) {
          entries[d] = e.asCall();
          entries[i] = null;
        }
      }
    }
    return entries;
  }

  /** Commits what is queued, writes a final checkpoint, stops the thread and closes the sink. */
  @Override
  public void close() {
    closeKeepingSink();
    sink.close();
  }

  /** {@link #close} without closing the sink (a writer that only replayed the journal). */
  void closeKeepingSink() {
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
    if (journal != null) {
      if (queue.isEmpty()) {
        journal.committedAll();
      }
      journal.close();
    }
  }
}
