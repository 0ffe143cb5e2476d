package dev.warden.inspect.prefilter;

import dev.warden.mcp.VectorApi;
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
 * char but from the places where a keyword may start ({@link KeywordStarts}). Most chars of a text
 * start no keyword, so most are never looked up.
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
  private final KeywordStarts starts; // null: every long text is read by the automaton

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
    for (int st = 0; st < states; st++) {
      for (int c = 0; c < stopClass; c++) {
        next[row[st] + c] = row[trie.delta[st * width + c]];
      }
      next[row[st] + stopClass] = stopRow;
      outputs[row[st] / width] =
          trie.out.get(st).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    Arrays.fill(next, stopRow, stopRow + width, stopRow);
    outputs[states + gap] = new int[0];
    this.starts = VECTOR_STARTS && !this.keywords.isEmpty() ? byStarts(trie, row, stops) : null;
  }

  /**
   * The read by possible starts, over the trie's own edges in the automaton's row numbering (a
   * state with no child for a class leads nowhere, and each state lists only the keywords that end
   * exactly there), or null when it would not beat the automaton ({@link KeywordStarts#sifts}).
   */
  private KeywordStarts byStarts(Trie trie, int[] row, String stops) {
    int[] goTo = new int[next.length];
    int[][] own = new int[outputs.length][];
    Arrays.fill(goTo, -1);
    Arrays.fill(own, new int[0]);
    for (int st = 0; st < row.length; st++) {
      for (int c = 0; c < width - 1; c++) {
        int child = trie.rows.get(st)[c];
        if (child > 0) {
          goTo[row[st] + c] = row[child];
        }
      }
      own[row[st] / width] = trie.own.get(st).stream().mapToInt(Integer::intValue).toArray();
    }
    KeywordStarts starts = new KeywordStarts(keywords, goTo, own, firstOutput, reciprocal, stops);
    return starts.sifts() ? starts : null;
  }

  /**
   * Whether long texts are read by their possible keyword starts ({@link KeywordStarts}): the
   * Vector API is there and the CPU's vectors are 512 bits wide.
   */
  static final boolean VECTOR_STARTS = VectorApi.usable(() -> VectorStarts.worthwhile());

  /**
   * Texts this long are read by their possible starts, where {@link #VECTOR_STARTS}. Below it the
   * automaton is as fast: at 1 KiB the two are level, what a read by starts sets up (its arrays,
   * the tables into registers) costing what its fewer look-ups save.
   */
  static final int BY_STARTS_FROM = 2048;

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
      return starts.read(text, n, hits, classes, classes == stopClassOf);
    }
    return byAutomaton(text, n, hits, classes);
  }

  /** {@link #scan} or {@link #scanUntilStop} read by the automaton, whatever the length. */
  int scanByAutomaton(byte[] text, int n, Hits hits, boolean untilStop) {
    return byAutomaton(text, n, hits, untilStop ? stopClassOf : classOf);
  }

  /** Whether long texts are read by their possible starts (see {@link KeywordStarts#sifts}). */
  boolean readsByStarts() {
    return starts != null;
  }

  /**
   * {@link #scan} or {@link #scanUntilStop} read by possible starts, whatever the length; only
   * where {@link #readsByStarts}.
   */
  int scanByStarts(byte[] text, int n, Hits hits, boolean untilStop) {
    return starts.read(text, n, hits, untilStop ? stopClassOf : classOf, untilStop);
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
