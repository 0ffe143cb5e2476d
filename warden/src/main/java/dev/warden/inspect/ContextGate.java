package dev.warden.inspect;

/**
 * Where context words start in the text being scanned, in order, so that the shape pass can tell,
 * before it builds a candidate, which of its detectors that need a context word ({@link
 * Detector#needsContext}) have one of theirs in {@link ScanText#near}'s default window around it.
 * Each such detector stands for one bit of a {@code long} (detectors with the same words share it;
 * beyond 64 sets of words, bits are shared); each context word carries the bits of the detectors it
 * is context for. The gate answers with the bits of the words that start in a window: a detector
 * whose bit is missing has none of its words there and is skipped, one whose bit is present runs
 * and decides as before. It may so say yes where a detector's own words are absent (a shared bit, a
 * word that does not start a word of the text), never no where they are present.
 *
 * <p>One gate serves one scan: its look-ups walk a cursor through the word starts in text order.
 */
final class ContextGate {
  /** A text without context words: no window holds one. */
  static final ContextGate EMPTY = new ContextGate(new int[0], new long[0], 0);

  private final int[] at; // the starts, ascending
  private final long[] bits; // the detector bits of the words starting at at[i]
  private final int count;
  private int cursor; // the first start at or after the last look-up's window start

  private ContextGate(int[] at, long[] bits, int count) {
    this.at = at;
    this.bits = bits;
    this.count = count;
  }

  /**
   * The gate of {@code text}: the starts of its keyword occurrences whose keyword carries detector
   * bits in {@code context} (0 for a word that is no detector's context).
   */
  static ContextGate of(ScanText text, long[] context, int[] keywordLengths) {
    int hits = text.hitCount();
    int words = 0;
    for (int h = 0; h < hits; h++) {
      words += context[text.hitKeyword(h)] != 0 ? 1 : 0;
    }
    if (words == 0) {
      return EMPTY;
    }
    int[] at = new int[words];
    long[] bits = new long[words];
    int count = 0;
    for (int h = 0; h < hits; h++) {
      int k = text.hitKeyword(h);
      long b = context[k];
      if (b == 0) {
        continue;
      }
      int start = text.hitEnd(h) - keywordLengths[k];
      // Hits come in order of their end: a start is at most a keyword's length out of order.
      int i = count;
      while (i > 0 && at[i - 1] > start) {
        at[i] = at[i - 1];
        bits[i] = bits[i - 1];
        i--;
      }
      if (i > 0 && at[i - 1] == start) {
        bits[i - 1] |= b; // two words start here: one entry with the bits of both
        System.arraycopy(at, i + 1, at, i, count - i);
        System.arraycopy(bits, i + 1, bits, i, count - i);
        continue;
      }
      at[i] = start;
      bits[i] = b;
      count++;
    }
    return new ContextGate(at, bits, count);
  }

  /** Whether a context word starts within the default window around {@code [start, end)}. */
  boolean near(int start, int end) {
    return bitsNear(start, end) != 0; // every word here carries a bit
  }

  /**
   * The detector bits of the context words that start within the default window around {@code
   * [start, end)}: 0 where none does.
   */
  long bitsNear(int start, int end) {
    return bitsIn(start - ScanText.CONTEXT_BEFORE, end + ScanText.CONTEXT_AFTER);
  }

  /** Whether a context word starts in {@code [from, to)}. */
  boolean any(int from, int to) {
    return bitsIn(from, to) != 0;
  }

  /** The detector bits of the context words that start in {@code [from, to)}. */
  private long bitsIn(int from, int to) {
    if (count == 0) {
      return 0;
    }
    int i = cursor;
    while (i > 0 && at[i - 1] >= from) {
      i--;
    }
    while (i < count && at[i] < from) {
      i++;
    }
    cursor = i;
    long found = 0;
    for (; i < count && at[i] < to; i++) {
      found |= bits[i];
    }
    return found;
  }
}
