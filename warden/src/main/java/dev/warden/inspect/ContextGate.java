package dev.warden.inspect;

/**
 * Where context words start in the text being scanned, one bit per char, so that the shape pass can
 * tell in a few word reads whether any stands in {@link ScanText#near}'s default window around a
 * candidate. Where none does, the detectors that need one ({@link Detector#needsContext}) are
 * skipped; where one does, they run and decide as before. It answers for every context word at
 * once, so it may say yes where a detector's own words are absent, never no where they are present.
 */
final class ContextGate {
  /** A text without context words: no window holds one. */
  static final ContextGate EMPTY = new ContextGate(new long[0]);

  private final long[] starts;

  private ContextGate(long[] starts) {
    this.starts = starts;
  }

  /**
   * The gate of {@code text}: the starts of its keyword occurrences whose keyword is marked in
   * {@code context}.
   */
  static ContextGate of(ScanText text, boolean[] context, int[] keywordLengths) {
    long[] starts = null;
    for (int h = 0; h < text.hitCount(); h++) {
      int k = text.hitKeyword(h);
      if (context[k]) {
        if (starts == null) {
          starts = new long[(text.length() >>> 6) + 1];
        }
        int at = text.hitEnd(h) - keywordLengths[k];
        starts[at >>> 6] |= 1L << at;
      }
    }
    return starts == null ? EMPTY : new ContextGate(starts);
  }

  /** Whether a context word starts within the default window around {@code [start, end)}. */
  boolean near(int start, int end) {
    return any(start - ScanText.CONTEXT_BEFORE, end + ScanText.CONTEXT_AFTER);
  }

  /** Whether a context word starts in {@code [from, to)}. */
  boolean any(int from, int to) {
    int lo = Math.max(0, from);
    int hi = Math.min(starts.length << 6, to);
    if (lo >= hi) {
      return false;
    }
    int first = lo >>> 6;
    int last = (hi - 1) >>> 6;
    long head = -1L << lo; // bits at and above lo within its word
    long tail = -1L >>> (63 - ((hi - 1) & 63)); // bits at and below hi - 1 within its word
    if (first == last) {
      return (starts[first] & head & tail) != 0;
    }
    if ((starts[first] & head) != 0 || (starts[last] & tail) != 0) {
      return true;
    }
    for (int w = first + 1; w < last; w++) {
      if (starts[w] != 0) {
        return true;
      }
    }
    return false;
  }
}
