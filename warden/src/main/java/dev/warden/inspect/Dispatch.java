package dev.warden.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which detectors examine a candidate, by its length and grouping: a detector of the right length
 * whose {@link Detector#examinesShape} rejects the grouping is left out, so a UUID part, a version
 * or a date is handed only to the few detectors that can use it, and a candidate nobody wants is
 * never built. Single groups are looked up in a table; groupings are filtered once and kept in a
 * bounded cache. Thread-safe.
 */
final class Dispatch {
  static final Detector[] NONE = {};
  private static final int MAX_CACHED = 4096;
  private static final String SEPARATORS = " -./";

  private final Detector[][] digitsByLength;
  private final Detector[][] alnumByLength;
  private final Detector[][] digitSingles;
  private final Detector[][] alnumSingles;
  private final boolean byShape;
  private final ConcurrentHashMap<Long, Detector[]> grouped = new ConcurrentHashMap<>();

  /**
   * @param byShape false to hand every candidate to every detector of its length (the
   *     straightforward path the shape filter must agree with)
   */
  Dispatch(Detector[][] digitsByLength, Detector[][] alnumByLength, boolean byShape) {
    this.digitsByLength = digitsByLength;
    this.alnumByLength = alnumByLength;
    this.byShape = byShape;
    this.digitSingles = singles(digitsByLength, byShape);
    this.alnumSingles = singles(alnumByLength, byShape);
  }

  /** The detectors for a candidate of {@code length} chars grouped as {@code groups[from, to)}. */
  Detector[] of(boolean digits, int length, int[] groups, int from, int to, char separator) {
    if (length > CandidateCutter.MAX_COMPACT) {
      return NONE;
    }
    if (to - from == 1) {
      return (digits ? digitSingles : alnumSingles)[length];
    }
    Detector[] all = (digits ? digitsByLength : alnumByLength)[length];
    if (all.length == 0 || !byShape) {
      return all;
    }
    int sep = SEPARATORS.indexOf(separator);
    if (sep < 0) {
      return filter(all, Arrays.copyOfRange(groups, from, to), separator);
    }
    long key = key(digits, groups, from, to, sep);
    Detector[] ds = grouped.get(key);
    if (ds == null) {
      ds = filter(all, Arrays.copyOfRange(groups, from, to), separator);
      if (grouped.size() < MAX_CACHED) {
        grouped.put(key, ds);
      }
    }
    return ds;
  }

  /**
   * Alphabet, separator, count and group lengths (6 bits each; a candidate has at most 9 groups of
   * at most {@link CandidateCutter#MAX_COMPACT} chars) in one long: 61 bits.
   */
  private static long key(boolean digits, int[] groups, int from, int to, int separator) {
    long key = digits ? 1 : 0;
    key = key << 2 | separator;
    key = key << 4 | (to - from);
    for (int g = from; g < to; g++) {
      key = key << 6 | Math.min(groups[g], 63);
    }
    return key;
  }

  private static Detector[][] singles(Detector[][] byLength, boolean byShape) {
    Detector[][] singles = new Detector[byLength.length][];
    for (int len = 0; len < byLength.length; len++) {
      singles[len] = byShape ? filter(byLength[len], new int[] {len}, (char) 0) : byLength[len];
    }
    return singles;
  }

  private static Detector[] filter(Detector[] all, int[] groups, char separator) {
    List<Detector> kept = new ArrayList<>(all.length);
    for (Detector d : all) {
      if (d.examinesShape(groups, separator)) {
        kept.add(d);
      }
    }
    return kept.isEmpty() ? NONE : kept.toArray(Detector[]::new);
  }
}
