package dev.warden.inspect.prefilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables that let {@link VectorStarts} tell, 64 chars at a time, where a keyword may start: the
 * keywords are put in {@link #BUCKETS} buckets, and for each of the first {@link #SPAN} chars of a
 * start, a table gives per ASCII char a bit per bucket with a keyword that has this char there
 * (either case; every char where a keyword is shorter). A position where the bits of its next
 * {@link #SPAN} chars share a bucket may start a keyword; every start of a keyword does.
 *
 * <p>Which keywords share a bucket decides how often that happens where none starts: keywords are
 * grouped by their first char and the groups merged, the pair that adds least to the expected rate
 * first, by a rough frequency of each char in JSON text (Hyperscan's Teddy matcher groups its
 * literals the same way).
 */
final class StartTables {
  /** How many chars of a start the tables check. */
  static final int SPAN = 4;

  /** Buckets: 8 per table byte, four bytes (vectors) per position. */
  static final int BUCKETS = 32;

  private StartTables() {}

  /**
   * The tables of {@code keywords}: {@code [v * SPAN + j][c]} holds bit {@code b} when a keyword of
   * bucket {@code 8 v + b} has char {@code c} (or has ended) {@code j} chars into it.
   */
  static byte[][] of(List<String> keywords) {
    Map<String, long[][]> groups = new LinkedHashMap<>();
    for (String word : keywords) {
      String w = word.toLowerCase(java.util.Locale.ROOT);
      // Short keywords apart: their tables take every char past their end.
      String group = w.length() < SPAN ? w.length() + ":" + w.charAt(0) : w.substring(0, 1);
      long[][] sets = groups.computeIfAbsent(group, g -> new long[SPAN][2]);
      for (int j = 0; j < SPAN; j++) {
        if (j < w.length()) {
          add(sets[j], w.charAt(j));
          add(sets[j], Character.toUpperCase(w.charAt(j)));
        } else {
          sets[j][0] = -1;
          sets[j][1] = -1;
        }
      }
    }
    List<long[][]> buckets = merged(new ArrayList<>(groups.values()));
    byte[][] tables = new byte[BUCKETS / 8 * SPAN][128];
    for (int k = 0; k < buckets.size(); k++) {
      for (int j = 0; j < SPAN; j++) {
        long[] set = buckets.get(k)[j];
        for (int c = 0; c < 128; c++) {
          if ((set[c >> 6] >>> c & 1) != 0) {
            tables[k / 8 * SPAN + j][c] |= (byte) (1 << (k % 8));
          }
        }
      }
    }
    return tables;
  }

  /**
   * The share of positions of JSON text the tables are expected to mark, by {@link #FREQUENCY}: the
   * sum over buckets of the product over positions of the share of chars each takes. An estimate
   * (chars of text are not independent), to tell a set of keywords the marks sift well from one
   * they mark nearly everywhere.
   */
  static double expectedRate(byte[][] tables) {
    double rate = 0;
    for (int k = 0; k < BUCKETS; k++) {
      long[][] sets = new long[SPAN][2];
      for (int j = 0; j < SPAN; j++) {
        for (int c = 0; c < 128; c++) {
          if ((tables[k / 8 * SPAN + j][c] >> (k % 8) & 1) != 0) {
            add(sets[j], (char) c);
          }
        }
      }
      rate += rate(sets);
    }
    return rate;
  }

  private static void add(long[] set, char c) {
    if (c < 128) {
      set[c >> 6] |= 1L << c;
    }
  }

  /** The groups merged down to {@link #BUCKETS}, the cheapest pair first. */
  private static List<long[][]> merged(List<long[][]> groups) {
    int g = groups.size();
    if (g <= BUCKETS) {
      return groups;
    }
    double[] cost = new double[g];
    for (int i = 0; i < g; i++) {
      cost[i] = rate(groups.get(i));
    }
    double[][] gain = new double[g][g]; // what merging i and j adds to the expected rate
    for (int i = 0; i < g; i++) {
      for (int j = i + 1; j < g; j++) {
        gain[i][j] = rate(union(groups.get(i), groups.get(j))) - cost[i] - cost[j];
      }
    }
    boolean[] gone = new boolean[g];
    for (int left = g; left > BUCKETS; left--) {
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < g; i++) {
        if (gone[i]) {
          continue;
        }
        for (int j = i + 1; j < g; j++) {
          if (!gone[j] && (bi < 0 || gain[i][j] < gain[bi][bj])) {
            bi = i;
            bj = j;
          }
        }
      }
      groups.set(bi, union(groups.get(bi), groups.get(bj)));
      gone[bj] = true;
      cost[bi] = rate(groups.get(bi));
      for (int k = 0; k < g; k++) {
        if (!gone[k] && k != bi) {
          int i = Math.min(k, bi);
          int j = Math.max(k, bi);
          gain[i][j] = rate(union(groups.get(i), groups.get(j))) - cost[i] - cost[j];
        }
      }
    }
    List<long[][]> kept = new ArrayList<>();
    for (int i = 0; i < g; i++) {
      if (!gone[i]) {
        kept.add(groups.get(i));
      }
    }
    return kept;
  }

  private static long[][] union(long[][] a, long[][] b) {
    long[][] u = new long[SPAN][2];
    for (int j = 0; j < SPAN; j++) {
      u[j][0] = a[j][0] | b[j][0];
      u[j][1] = a[j][1] | b[j][1];
    }
    return u;
  }

  /** The expected share of positions where a bucket with these sets sees a start. */
  private static double rate(long[][] sets) {
    double p = 1;
    for (long[] set : sets) {
      double q = 0;
      for (int c = 0; c < 128; c++) {
        if ((set[c >> 6] >>> c & 1) != 0) {
          q += FREQUENCY[c];
        }
      }
      p *= Math.min(1, q);
    }
    return p;
  }

  /** A rough share of each ASCII char in JSON text, either case of a letter counted apart. */
  private static final double[] FREQUENCY = new double[128];

  static {
    java.util.Arrays.fill(FREQUENCY, 0.002);
    for (int c = 'a'; c <= 'z'; c++) {
      FREQUENCY[c] = 0.025;
      FREQUENCY[c - 32] = 0.005;
    }
    for (int c = '0'; c <= '9'; c++) {
      FREQUENCY[c] = 0.02;
    }
    FREQUENCY['"'] = 0.05;
    FREQUENCY[' '] = 0.03;
    FREQUENCY[':'] = 0.02;
    FREQUENCY[','] = 0.02;
  }
}
