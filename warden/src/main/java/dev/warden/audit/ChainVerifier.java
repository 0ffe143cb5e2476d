package dev.warden.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the trail in sequence order and checks every link: each record's hash is the one its
 * content gives, each record points at the hash of the one before, sequence numbers have no gaps,
 * and every signed checkpoint is genuine and matches the record it names. A checkpoint past the
 * last record means the tail was cut off.
 */
public final class ChainVerifier {
  private static final int PAGE = 1000;

  /**
   * The outcome of a walk.
   *
   * @param firstBad the sequence number of the first record found wrong, or -1 when intact
   */
  public record Verdict(boolean intact, long records, long firstBad, String problem) {
    static Verdict ok(long records) {
      return new Verdict(true, records, -1, "");
    }

    static Verdict bad(long records, long seq, String problem) {
      return new Verdict(false, records, seq, problem);
    }
  }

  private final AuditSink sink;
  private final Optional<CheckpointSigner> signer;

  /** Without a signer, checkpoints are matched against the chain but their MACs are not checked. */
  public ChainVerifier(AuditSink sink, Optional<CheckpointSigner> signer) {
    this.sink = sink;
    this.signer = signer;
  }

  public Verdict verify() throws Exception {
    Map<Long, Checkpoint> checkpoints = new HashMap<>();
    for (Checkpoint c : sink.checkpoints()) {
      if (signer.isPresent() && !signer.get().verify(c)) {
        return Verdict.bad(0, c.seq(), "checkpoint at record " + c.seq() + " has a bad signature");
      }
      checkpoints.put(c.seq(), c);
    }
    long count = 0;
    CanonicalForm form = new CanonicalForm();
    long expectedSeq = -1;
    String expectedPrev = null;
    long after = 0;
    while (true) {
      List<AuditRecord> page = sink.read(after, PAGE);
      for (AuditRecord r : page) {
        if (expectedPrev == null) {
          Optional<String> start = start(r, checkpoints);
          if (start.isPresent()) {
            return Verdict.bad(count, r.seq(), start.get());
          }
        } else if (r.seq() != expectedSeq) {
          return Verdict.bad(
              count,
              r.seq(),
              "record " + r.seq() + " follows " + (expectedSeq - 1) + ": records deleted");
        } else if (!r.prevHash().equals(expectedPrev)) {
          return Verdict.bad(
              count,
              r.seq(),
              "record "
                  + r.seq()
                  + " does not link to record "
                  + (r.seq() - 1)
                  + ": edited, deleted or reordered records");
        }
        if (!r.hashMatches(form)) {
          return Verdict.bad(count, r.seq(), "record " + r.seq() + " was edited: hash mismatch");
        }
        Checkpoint c = checkpoints.get(r.seq());
        if (c != null && !c.hash().equals(r.hash())) {
          return Verdict.bad(
              count, r.seq(), "record " + r.seq() + " differs from its signed checkpoint");
        }
        count++;
        expectedSeq = r.seq() + 1;
        expectedPrev = r.hash();
        after = r.seq();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    long last = count == 0 ? 0 : expectedSeq - 1;
    for (long cp : checkpoints.keySet()) {
      if (cp > last) {
        return Verdict.bad(
            count,
            last + 1,
            "the trail ends at record "
                + last
                + " but a signed checkpoint names record "
                + cp
                + ": the tail was cut off");
      }
    }
    return Verdict.ok(count);
  }

  /** Why the first record cannot start the chain, if it cannot. */
  private static Optional<String> start(AuditRecord first, Map<Long, Checkpoint> checkpoints) {
    if (first.seq() == 1) {
      return first.prevHash().equals(AuditRecord.GENESIS)
          ? Optional.empty()
          : Optional.of("record 1 does not start from the genesis hash");
    }
    // After retention pruned older records, the first kept one continues from a checkpoint.
    Checkpoint anchor = checkpoints.get(first.seq() - 1);
    if (anchor == null) {
      return Optional.of(
          "the trail starts at record "
              + first.seq()
              + " with no checkpoint at "
              + (first.seq() - 1)
              + " to continue from: records deleted");
    }
    return anchor.hash().equals(first.prevHash())
        ? Optional.empty()
        : Optional.of("record " + first.seq() + " does not continue from the checkpoint before it");
  }
}
