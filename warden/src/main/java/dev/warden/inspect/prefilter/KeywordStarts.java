package dev.warden.inspect.prefilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * {@link AhoCorasick}'s read of a long text from the places where a keyword may start, instead of
 * char by char: {@link VectorStarts} marks them 64 chars at a time, a hash of each mark's first
 * chars rules out most of the rest, and the keyword trie is walked from each start left. Immutable
 * and thread-safe; only where {@link AhoCorasick#VECTOR_STARTS} and the keywords are such that it
 * {@link #sifts}.
 */
final class KeywordStarts {
  private final int[] goTo; // row offset + class -> row offset of the child in the trie, or -1
  private final int[][] own; // row / width -> the keywords ending there, links not followed
  private final int firstOutput; // rows from here on may have keywords ending at them
  private final long reciprocal; // ceil(2^32 / width): row * reciprocal >>> 32 is row / width
  private final long[] grams = new long[1 << (GRAM_BITS - 6)]; // hashes of keywords' first chars
  private final double expectedMarks; // per char of JSON text, by StartTables.expectedRate
  private final VectorStarts starts;

  /**
   * @param goTo the automaton's rows, the trie's edges only
   * @param stops the chars the read until a stop stops at (and every char of 128 and above)
   */
  KeywordStarts(
      List<String> keywords,
      int[] goTo,
      int[][] own,
      int firstOutput,
      long reciprocal,
      String stops) {
    this.goTo = goTo;
    this.own = own;
    this.firstOutput = firstOutput;
    this.reciprocal = reciprocal;
    for (String word : keywords) {
      int key = 0;
      for (int i = 0; i < Math.min(StartTables.SPAN, word.length()); i++) {
        key |= (word.charAt(i) | 0x20) << (8 * i);
      }
      grams[hash(key) >>> 6] |= 1L << hash(key);
    }
    byte[][] tables = StartTables.of(keywords);
    this.expectedMarks = StartTables.expectedRate(tables);
    boolean[] stopChars = new boolean[128];
    stops.chars().forEach(c -> stopChars[c] = true);
    this.starts = new VectorStarts(tables, stopChars);
  }

  /**
   * Whether the marks sift the text well enough for this read to beat the automaton: not so for a
   * dictionary of thousands of words, most chars of text starting one of them somewhere, or so many
   * that the hash of first chars rules out little.
   */
  boolean sifts() {
    return expectedMarks <= MAX_MARKS
        && Arrays.stream(grams).map(Long::bitCount).sum() <= MAX_GRAMS;
  }

  /**
   * The most marks per char the tables may be expected to leave ({@link StartTables#expectedRate};
   * the built-in keywords: ~5 %). Measured on dense JSON with random words of 4 to 9 letters added
   * to the built-in keywords, the read by starts against the automaton: 0.73x the time at an
   * expected 29 %, 0.75-0.78x at 38-41 % (where letters alone mark), 0.86x with 6,400 words (a
   * tenth of the hash set filled), 0.97x with 12,800 (a fifth), 1.5x with 25,600.
   */
  static final double MAX_MARKS = 0.3;

  /** The bits of a hash of a keyword's first chars, as {@link #grams} keeps them. */
  private static final int GRAM_BITS = 16;

  /** The most bits of the hash set of first chars that may be set: past it, it rules out little. */
  static final int MAX_GRAMS = (1 << GRAM_BITS) / 8;

  /** Four bytes of a text as one int, the first the lowest. */
  private static final VarHandle FOUR =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Each byte's 0x20 bit set: upper-case ASCII letters read as lower case (other chars may then
   * read as a keyword's, which only lets a start through), and no byte is zero, so the first one,
   * two, three and four chars of a start are four different keys.
   */
  private static final int FOLDED = 0x20202020;

  private static int hash(int key) {
    return key * 0x9E3779B1 >>> (32 - GRAM_BITS);
  }

  /** Blocks whose possible starts {@link VectorStarts} marks at a time. */
  private static final int CHUNK = 256;

  /**
   * The keyword pass by the possible starts of keywords: for each block of 64 chars, {@link
   * VectorStarts} marks where a keyword may start (and the stop chars), {@link #refined} drops the
   * marks whose first chars no keyword starts with (by their hash), and the trie is walked from
   * each mark left, the walk ending where the trie has no child for the next char (a stop char or a
   * char no keyword has included). The last chars, fewer than a block and its look-ahead, are
   * copied into a block padded with zeros (a char no keyword has: only shorter keywords' tables
   * take it) and read the same way. Hits are held in {@link Pending} until every start that could
   * end a keyword as early has been walked, so they are reported in order of their end as the
   * automaton reports them.
   *
   * @param classes the alphabet class of each byte; of the stop class for a stop char and every
   *     byte of 128 and above when {@code untilStop}
   * @return where a stop char is, when {@code untilStop}, or {@code n}
   */
  int read(byte[] text, int n, AhoCorasick.Hits hits, byte[] classes, boolean untilStop) {
    int chunk = Math.min(CHUNK, n / VectorStarts.BLOCK + 2);
    long[] marks = new long[chunk];
    long[] stops = new long[chunk];
    Pending pending = new Pending();
    int b = 0;
    int lastBlock = n - VectorStarts.READS; // the last offset a block can start at
    while (b <= lastBlock) {
      int blocks = Math.min(chunk, (lastBlock - b) / VectorStarts.BLOCK + 1);
      starts.fill(text, b, blocks, marks, stops);
      for (int k = 0; k < blocks; k++, b += VectorStarts.BLOCK) {
        long stop = untilStop ? stops[k] : 0;
        int stopped = block(text, n, text, b, b, marks[k], stop, classes, pending, hits);
        if (stopped >= 0) {
          return stopped;
        }
      }
    }
    // The rest, as blocks of a padded copy.
    byte[] rest = new byte[2 * VectorStarts.BLOCK + VectorStarts.READS];
    System.arraycopy(text, b, rest, 0, n - b);
    int blocks = (n - b + VectorStarts.BLOCK - 1) / VectorStarts.BLOCK;
    starts.fill(rest, 0, blocks, marks, stops);
    for (int k = 0; k < blocks; k++, b += VectorStarts.BLOCK) {
      long inText = n - b >= VectorStarts.BLOCK ? -1L : ~(-1L << (n - b));
      long stop = untilStop ? stops[k] & inText : 0;
      int at = k * VectorStarts.BLOCK;
      int stopped = block(text, n, rest, at, b, marks[k] & inText, stop, classes, pending, hits);
      if (stopped >= 0) {
        return stopped;
      }
    }
    pending.flush(Integer.MAX_VALUE, hits);
    return n;
  }

  /**
   * One block of 64 chars at offset {@code b} of {@code text}, whose marks and stops {@code read}
   * holds at {@code at} (the text itself, or the padded copy of its end): walks from the marks
   * before the first stop and returns where it is (all hits then reported), or -1 without one.
   */
  private int block(
      byte[] text,
      int n,
      byte[] read,
      int at,
      int b,
      long marks,
      long stop,
      byte[] classes,
      Pending pending,
      AhoCorasick.Hits hits) {
    int stopAt = Long.numberOfTrailingZeros(stop); // 64 for none
    long m = stop == 0 ? marks : marks & ~(-1L << stopAt);
    walkFrom(text, n, b, refined(read, at, m), classes, pending, hits);
    if (stop == 0) {
      return -1;
    }
    pending.flush(Integer.MAX_VALUE, hits);
    return b + stopAt;
  }

  /**
   * The marks of {@code m} (bit {@code p} for offset {@code at + p} of {@code text}) whose first
   * chars, hashed as each keyword's were, may start a keyword: most marks of the SIMD pass are
   * chars that only a bucket's mix of keywords takes.
   */
  private long refined(byte[] text, int at, long m) {
    final long[] g = grams;
    final int last = g.length - 1;
    long keep = 0;
    for (long q = m; q != 0; q &= q - 1) {
      int p = Long.numberOfTrailingZeros(q);
      int x = (int) FOUR.get(text, at + p) | FOLDED;
      int h1 = hash(x & 0xFF);
      int h2 = hash(x & 0xFFFF);
      int h3 = hash(x & 0xFFFFFF);
      int h4 = hash(x);
      long any =
          g[h1 >>> 6 & last] >>> h1
              | g[h2 >>> 6 & last] >>> h2
              | g[h3 >>> 6 & last] >>> h3
              | g[h4 >>> 6 & last] >>> h4;
      keep |= (any & 1) << p;
    }
    return keep;
  }

  /** Walks the trie from each start of {@code m} (bit {@code p} for offset {@code b + p}). */
  private void walkFrom(
      byte[] text, int n, int b, long m, byte[] classes, Pending pending, AhoCorasick.Hits hits) {
    final int[] trie = goTo;
    final int limit = firstOutput;
    for (long q = m; q != 0; q &= q - 1) {
      int i = b + Long.numberOfTrailingZeros(q);
      // A later walk ends no keyword before i + 1, and one ending there starts later: report.
      pending.flush(i + 1, hits);
      int row = 0;
      for (int j = i; j < n; j++) {
        row = trie[row + classes[text[j] & 0xFF]];
        if (row < 0) {
          break;
        }
        if (row >= limit) {
          for (int kw : own[(int) (row * reciprocal >>> 32)]) {
            pending.add(kw, j + 1);
          }
        }
      }
    }
  }

  /**
   * Hits of the walks not yet reported, in order of their end (a hit of an earlier start, which is
   * longer, first among those ending together).
   */
  private static final class Pending {
    private int[] keyword = new int[16];
    private int[] end = new int[16];
    private int head;
    private int count;

    void add(int kw, int e) {
      if (count == end.length) {
        keyword = Arrays.copyOf(keyword, count * 2);
        end = Arrays.copyOf(end, count * 2);
      }
      int at = count;
      while (at > head && end[at - 1] > e) {
        at--;
      }
      if (at < count) { // a shorter keyword ending inside a longer one found before it
        System.arraycopy(keyword, at, keyword, at + 1, count - at);
        System.arraycopy(end, at, end, at + 1, count - at);
      }
      keyword[at] = kw;
      end[at] = e;
      count++;
    }

    /** Reports the hits ending at or before {@code upTo}. */
    void flush(int upTo, AhoCorasick.Hits hits) {
      while (head < count && end[head] <= upTo) {
        hits.hit(keyword[head], end[head]);
        head++;
      }
      if (head == count) {
        head = 0;
        count = 0;
      }
    }
  }
}
