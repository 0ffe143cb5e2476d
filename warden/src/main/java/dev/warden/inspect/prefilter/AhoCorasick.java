package dev.warden.inspect.prefilter;

import dev.warden.mcp.VectorApi;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over ASCII keywords, compiled to a dense DFA over an alphabet reduced
 * to the characters keywords use (all others, and every non-ASCII character, lead back to the
 * root), so that the scan costs one small-table read per character. States are numbered so that
 * those where a keyword ends come last: the scan tests for a hit with one comparison. Matching
 * ignores ASCII case. Immutable and thread-safe once built.
 *
 * <p>Where the CPU has 512-bit vectors and the JVM the Vector API, a long text is not read char by
 * char: {@link VectorStarts} marks where a keyword may start, 64 chars at a time, a hash of each
 * mark's first chars rules out most of the rest, and each start left is followed through the
 * keyword trie alone. Most chars of a text start no keyword, so most are never looked up.
 */
public final class AhoCorasick {
  private static final int ASCII = 128;

  private final List<String> keywords;
  private final byte[] classOf = new byte[256]; // byte & 0xFF -> alphabet class, 0 = no keyword
  private final byte[] stopClassOf; // classOf, but the stop class for stops and non-ASCII bytes
  private final int width; // alphabet size, the stop class included
  private final long reciprocal; // ceil(2^32 / width), to divide a row offset by width
  private final int[] next; // row offset (state * width) + class -> row offset of the next state
  private final int firstOutput; // a power of two: the row offset of the first state with output
  private final int stopRow; // row offset of the stop state, the last: it only leads to itself
  private final int[][] outputs; // state -> keyword ids ending here (own and by failure links)
  private final int longest; // the longest keyword's length
  private final int[] trie; // row offset + class -> row offset of the child in the trie, or -1
  private final int[][] own; // state -> the keyword ids ending at it, failure links not followed
  private final long[] grams = new long[1 << (GRAM_BITS - 6)]; // hashes of keywords' first chars
  private final VectorStarts starts; // null: every long text is read by the automaton

  /** Receives each keyword occurrence: the keyword's index and the offset just past its end. */
  @FunctionalInterface
  public interface Hits {
    void hit(int keyword, int end);
  }

  public AhoCorasick(List<String> keywords) {
    this(keywords, "");
  }

  /**
   * An automaton whose {@link #scanUntilStop} stops at the first of {@code stops} or non-ASCII
   * char.
   */
  public AhoCorasick(List<String> keywords, String stops) {
    this.keywords = List.copyOf(keywords);
    int classes = 1;
    for (String word : this.keywords) {
      if (word.isEmpty()) {
        throw new IllegalArgumentException("empty keyword");
      }
      for (int i = 0; i < word.length(); i++) {
        int c = fold(word.charAt(i));
        if (c >= ASCII) {
          throw new IllegalArgumentException("keyword is not ASCII: " + word);
        }
        if (classOf[c] == 0) {
          classOf[c] = (byte) classes++;
        }
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      classOf[c] = classOf[c + 32];
    }
    int stopClass = classes;
    this.width = classes + 1;
    this.reciprocal = ((1L << 32) + width - 1) / width;
    this.stopClassOf = classOf.clone();
    for (int i = 0; i < stops.length(); i++) {
      if (stops.charAt(i) >= ASCII) {
        throw new IllegalArgumentException("stop is not ASCII: " + stops);
      }
      stopClassOf[stops.charAt(i)] = (byte) stopClass;
    }
    for (int b = ASCII; b < 256; b++) {
      stopClassOf[b] = (byte) stopClass;
    }
    this.longest = this.keywords.stream().mapToInt(String::length).max().orElse(1);
    Trie trie = new Trie(this.keywords, classOf, width);
    int states = trie.rows.size();
    // Renumber in breadth-first order, states without output first, then those with one: the
    // shallow states, where a scan spends nearly all its time, then share a few cache lines.
    int[] id = new int[states];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int st : trie.breadthFirst) {
        if (trie.out.get(st).isEmpty() == (pass == 0)) {
          id[st] = k++;
        }
      }
    }
    int outputStates = (int) trie.out.stream().filter(o -> !o.isEmpty()).count();
    int plain = states - outputStates;
    // The rows of states where a keyword ends (and the stop state's) start at a power of two. An
    // OR of several rows is at least the largest, so one comparison of it finds any such row; and
    // rows below a power of two never OR up to it, so it raises no false alarm. The rows between
    // the two parts belong to no state and are never read.
    this.firstOutput = Integer.highestOneBit(Math.max(1, plain * width - 1)) << 1;
    int gap = (firstOutput + width - 1) / width - plain; // unused states between the parts
    int[] row = new int[states];
    for (int st = 0; st < states; st++) {
      row[st] = (id[st] < plain ? id[st] : id[st] + gap) * width;
    }
    this.stopRow = (states + gap) * width;
    this.next = new int[stopRow + width];
    this.outputs = new int[states + gap + 1][];
    this.trie = new int[stopRow + width];
    this.own = new int[states + gap + 1][];
    Arrays.fill(this.trie, -1);
    Arrays.fill(own, new int[0]);
    for (int st = 0; st < states; st++) {
      for (int c = 0; c < stopClass; c++) {
        next[row[st] + c] = row[trie.delta[st * width + c]];
        int child = trie.rows.get(st)[c];
        if (child > 0) {
          this.trie[row[st] + c] = row[child];
        }
      }
      next[row[st] + stopClass] = stopRow;
      outputs[row[st] / width] =
          trie.out.get(st).stream().mapToInt(Integer::intValue).distinct().toArray();
      own[row[st] / width] = trie.own.get(st).stream().mapToInt(Integer::intValue).toArray();
    }
    Arrays.fill(next, stopRow, stopRow + width, stopRow);
    outputs[states + gap] = new int[0];
    for (String word : this.keywords) {
      int key = 0;
      for (int i = 0; i < Math.min(StartTables.SPAN, word.length()); i++) {
        key |= (word.charAt(i) | 0x20) << (8 * i);
      }
      grams[hash(key) >>> 6] |= 1L << hash(key);
    }
    boolean[] stopChars = new boolean[ASCII];
    for (int c = 0; c < ASCII; c++) {
      stopChars[c] = stopClassOf[c] == stopClass;
    }
    this.starts =
        VECTOR_STARTS && !this.keywords.isEmpty()
            ? new VectorStarts(StartTables.of(this.keywords), stopChars)
            : null;
  }

  /**
   * Whether long texts are read by their possible keyword starts ({@link VectorStarts}): the Vector
   * API is there and the CPU's vectors are 512 bits wide.
   */
  static final boolean VECTOR_STARTS = VectorApi.usable(() -> VectorStarts.worthwhile());

  /**
   * Texts this long are read by their possible starts, where {@link #VECTOR_STARTS}. Below it the
   * automaton is as fast: at 1 KiB the two are level, what a read by starts sets up (its arrays,
   * the tables into registers) costing what its fewer look-ups save.
   */
  static final int BY_STARTS_FROM = 2048;

  /** The bits of a hash of a keyword's first chars, as {@link #grams} keeps them. */
  private static final int GRAM_BITS = 16;

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

  public List<String> keywords() {
    return keywords;
  }

  /** Reports every occurrence of every keyword in {@code text}, in order of their end. */
  public void scan(CharSequence text, Hits hits) {
    scan(Ascii.of(text), text.length(), hits);
  }

  /**
   * {@link #scan(CharSequence, Hits)} over the first {@code n} chars of a text in its {@link Ascii}
   * view.
   */
  public void scan(byte[] text, int n, Hits hits) {
    scan(text, n, hits, classOf);
  }

  /**
   * {@link #scan(byte[], int, Hits)} up to the first stop char or non-ASCII char: reports the
   * occurrences that end before it and returns its index, or {@code n} when there is none. Lets a
   * caller that must treat such text differently learn it in the same pass.
   */
  public int scanUntilStop(byte[] text, int n, Hits hits) {
    return scan(text, n, hits, stopClassOf);
  }

  /**
   * The scan. A table read per char waits for the one before it, so a long text is read as two
   * halves in one loop, whose two chains of reads the CPU overlaps: the second half's automaton
   * starts {@code longest - 1} chars before the middle, so it has seen all of any keyword that ends
   * past the middle, and its hits wait in a buffer until the first half's are reported (a text of
   * {@link #FOUR_QUARTERS_FROM} or more is read as four quarters so, in four chains). A stop leads
   * to a state of its own, numbered after those where keywords end, so one comparison per char
   * tells both a hit and a stop.
   *
   * @param classes the class of each byte, the stop class for a stop
   * @return where the scan stopped, or {@code n}
   */
  private int scan(byte[] text, int n, Hits hits, byte[] classes) {
    if (starts != null && n >= BY_STARTS_FROM) {
      return byStarts(text, n, hits, classes);
    }
    return byAutomaton(text, n, hits, classes);
  }

  /** {@link #scan} or {@link #scanUntilStop} read by the automaton, whatever the length. */
  int scanByAutomaton(byte[] text, int n, Hits hits, boolean untilStop) {
    return byAutomaton(text, n, hits, untilStop ? stopClassOf : classOf);
  }

  /**
   * {@link #scan} or {@link #scanUntilStop} read by possible starts, whatever the length; only
   * where {@link #VECTOR_STARTS}.
   */
  int scanByStarts(byte[] text, int n, Hits hits, boolean untilStop) {
    return byStarts(text, n, hits, untilStop ? stopClassOf : classOf);
  }

  /** The automaton's read (see {@link #scan(byte[], int, Hits, byte[])}). */
  private int byAutomaton(byte[] text, int n, Hits hits, byte[] classes) {
    if (n < TWO_HALVES_FROM) {
      return scanRange(text, 0, n, 0, 0, hits, null, classes);
    }
    if (n >= FOUR_QUARTERS_FROM) {
      return scanQuarters(text, n, hits, classes);
    }
    final int[] table = next;
    final int limit = firstOutput;
    final int stop = stopRow;
    int middle = n >>> 1;
    // The first half is [0, middle); the second reads text[i + off], from off up to n, and keeps
    // the hits that end past the middle.
    final int off = Math.max(0, middle + 1 - longest);
    int rowA = 0;
    int rowB = 0;
    Later later = new Later();
    for (int i = 0; i < middle; i++) {
      rowA = table[rowA + classes[text[i] & 0xFF]];
      rowB = table[rowB + classes[text[i + off] & 0xFF]];
      if ((rowA | rowB) >= limit) {
        if (rowA >= limit) {
          if (rowA == stop) {
            return i;
          }
          report(rowA, i + 1, hits);
        }
        if (rowB == stop) {
          // The second half meets a stop: the first reads on alone, to the first stop.
          return scanRange(text, i + 1, n, rowA, 0, hits, null, classes);
        }
        if (rowB >= limit && i + off >= middle) {
          later.add(rowB, i + off + 1);
        }
      }
    }
    return scanLater(text, middle + off, n, rowB, middle, hits, later, classes);
  }

  /** Texts shorter than this are read in one chain: the second half's start-up would not pay. */
  static final int TWO_HALVES_FROM = 256;

  /** Texts this long are read as four quarters: four chains of reads, overlapped. */
  static final int FOUR_QUARTERS_FROM = 4096;

  /**
   * {@link #scan(byte[], int, Hits, byte[])} as four chains, one per quarter, each but the first
   * starting {@code longest - 1} chars before its quarter and holding its hits until those before
   * are reported. Where a later chain meets a stop, the first reads on alone.
   */
  private int scanQuarters(byte[] text, int n, Hits hits, byte[] classes) {
    final int[] table = next;
    final int limit = firstOutput;
    final int stop = stopRow;
    int q1 = n >>> 2;
    int q2 = n >>> 1;
    int q3 = (int) (3L * n >>> 2);
    // Chain X reads text[a + offX]: one index for the four, so one bounds check serves them.
    final int offB = Math.max(0, q1 + 1 - longest);
    final int offC = Math.max(0, q2 + 1 - longest);
    final int offD = Math.max(0, q3 + 1 - longest);
    int rowA = 0;
    int rowB = 0;
    int rowC = 0;
    int rowD = 0;
    Later laterB = new Later();
    Later laterC = new Later();
    Later laterD = new Later();
    for (int a = 0; a < q1; a++) {
      rowA = table[rowA + classes[text[a] & 0xFF]];
      rowB = table[rowB + classes[text[a + offB] & 0xFF]];
      rowC = table[rowC + classes[text[a + offC] & 0xFF]];
      rowD = table[rowD + classes[text[a + offD] & 0xFF]];
      // Hits and stops are rare: one test for the four (limit is a power of two), then each.
      if ((rowA | rowB | rowC | rowD) >= limit) {
        if (rowA >= limit) {
          if (rowA == stop) {
            return a;
          }
          report(rowA, a + 1, hits);
        }
        if (rowB == stop || rowC == stop || rowD == stop) {
          // A later quarter meets a stop: the first chain reads on alone, to the first stop.
          return scanRange(text, a + 1, n, rowA, 0, hits, null, classes);
        }
        if (rowB >= limit && a + offB >= q1) {
          laterB.add(rowB, a + offB + 1);
        }
        if (rowC >= limit && a + offC >= q2) {
          laterC.add(rowC, a + offC + 1);
        }
        if (rowD >= limit && a + offD >= q3) {
          laterD.add(rowD, a + offD + 1);
        }
      }
    }
    int stopped = scanLater(text, q1 + offB, q2, rowB, q1, hits, laterB, classes);
    if (stopped < q2) {
      return stopped;
    }
    stopped = scanLater(text, q1 + offC, q3, rowC, q2, hits, laterC, classes);
    if (stopped < q3) {
      return stopped;
    }
    return scanLater(text, q1 + offD, n, rowD, q3, hits, laterD, classes);
  }

  /**
   * A later chain's rest: {@link #scanRange} into its buffer, then the buffer's hits (those before
   * the chain's stop, if any) reported in order.
   */
  private int scanLater(
      byte[] text, int from, int to, int row, int after, Hits hits, Later later, byte[] classes) {
    int stopped = scanRange(text, from, to, row, after, hits, later, classes);
    later.replay(this, hits);
    return stopped;
  }

  /**
   * Reads {@code text[from, to)} from state row {@code row}, reporting the hits that end past
   * offset {@code after} to {@code hits}, or to {@code later} when given; returns where it stopped,
   * or {@code to}.
   */
  private int scanRange(
      byte[] text, int from, int to, int row, int after, Hits hits, Later later, byte[] classes) {
    final int[] table = next;
    final int limit = firstOutput;
    final int stop = stopRow;
    for (int i = from; i < to; i++) {
      row = table[row + classes[text[i] & 0xFF]];
      if (row >= limit) {
        if (row == stop) {
          return i;
        }
        if (i >= after) {
          if (later == null) {
            report(row, i + 1, hits);
          } else {
            later.add(row, i + 1);
          }
        }
      }
    }
    return to;
  }

  /** Blocks whose possible starts {@link VectorStarts} marks at a time. */
  private static final int CHUNK = 256;

  /**
   * {@link #scan(byte[], int, Hits, byte[])} by the possible starts of keywords: for each block of
   * 64 chars, {@link VectorStarts} marks where a keyword may start (and the stop chars), {@link
   * #refined} drops the marks whose first chars no keyword starts with (by their hash), and the
   * trie is walked from each mark left, the walk ending where the trie has no child for the next
   * char (a stop char or a char no keyword has included). The last chars, fewer than a block and
   * its look-ahead, are copied into a block padded with zeros (a char no keyword has: only shorter
   * keywords' tables take it) and read the same way. Hits are held in {@link Pending} until every
   * start that could end a keyword as early has been walked, so they are reported in order of their
   * end as the automaton reports them.
   */
  private int byStarts(byte[] text, int n, Hits hits, byte[] classes) {
    boolean untilStop = classes == stopClassOf;
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
      Hits hits) {
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
      byte[] text, int n, int b, long m, byte[] classes, Pending pending, Hits hits) {
    final int[] goTo = trie;
    final int limit = firstOutput;
    for (long q = m; q != 0; q &= q - 1) {
      int i = b + Long.numberOfTrailingZeros(q);
      // A later walk ends no keyword before i + 1, and one ending there starts later: report.
      pending.flush(i + 1, hits);
      int row = 0;
      for (int j = i; j < n; j++) {
        row = goTo[row + classes[text[j] & 0xFF]];
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

  private void report(int row, int end, Hits hits) {
    // row / width, as a multiplication: exact for a multiple of width below 2^32 / width.
    for (int kw : outputs[(int) (row * reciprocal >>> 32)]) {
      hits.hit(kw, end);
    }
  }

  /** The second half's hits (state row and end), held until the first half's are reported. */
  private static final class Later {
    private int[] rows = new int[32];
    private int count;

    void add(int row, int end) {
      if (count == rows.length) {
        rows = Arrays.copyOf(rows, count * 2);
      }
      rows[count++] = row;
      rows[count++] = end;
    }

    void replay(AhoCorasick ac, Hits hits) {
      for (int k = 0; k < count; k += 2) {
        ac.report(rows[k], rows[k + 1], hits);
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
    void flush(int upTo, Hits hits) {
      if (head == count) {
        return;
      }
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

  private static int fold(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** The keyword trie with failure links resolved into a complete transition table. */
  private static final class Trie {
    final List<int[]> rows = new ArrayList<>();
    final List<List<Integer>> out = new ArrayList<>();
    final List<List<Integer>> own = new ArrayList<>(); // out before failure links add to it
    final int[] delta;
    final int[] breadthFirst; // the states in breadth-first order from the root

    Trie(List<String> keywords, byte[] classOf, int width) {
      rows.add(newRow(width));
      out.add(new ArrayList<>());
      for (int k = 0; k < keywords.size(); k++) {
        String word = keywords.get(k);
        int state = 0;
        for (int i = 0; i < word.length(); i++) {
          int c = classOf[fold(word.charAt(i))];
          if (rows.get(state)[c] < 0) {
            rows.get(state)[c] = rows.size();
            rows.add(newRow(width));
            out.add(new ArrayList<>());
          }
          state = rows.get(state)[c];
        }
        out.get(state).add(k);
      }
      out.forEach(o -> own.add(List.copyOf(o)));
      int states = rows.size();
      delta = new int[states * width];
      breadthFirst = new int[states]; // [0] is the root
      int visited = 1;
      int[] fail = new int[states];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int c = 0; c < width; c++) {
        int s = rows.get(0)[c];
        delta[c] = Math.max(s, 0);
        if (s > 0) {
          queue.add(s);
        }
      }
      while (!queue.isEmpty()) {
        int r = queue.poll();
        breadthFirst[visited++] = r;
        out.get(r).addAll(out.get(fail[r]));
        for (int c = 0; c < width; c++) {
          int s = rows.get(r)[c];
          if (s > 0) {
            fail[s] = delta[fail[r] * width + c];
            delta[r * width + c] = s;
            queue.add(s);
          } else {
            delta[r * width + c] = delta[fail[r] * width + c];
          }
        }
      }
    }

    private static int[] newRow(int width) {
      int[] row = new int[width];
      Arrays.fill(row, -1);
      return row;
    }
  }
}
