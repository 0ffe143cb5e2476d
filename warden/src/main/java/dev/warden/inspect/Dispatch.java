package dev.warden.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Which detectors examine a candidate, by its length, grouping and first char: a detector of the
 * right length whose {@link Detector#examinesShape} rejects the grouping, or whose {@link
 * Detector#examinesStartingWith} rejects the first char, is left out, so a UUID part, a version or
 * a date is handed only to the few detectors that can use it, and a candidate nobody wants is never
 * built. A single group is also looked up by the chars around it ({@link
 * Detector#examinesPrecededBy}, {@link Detector#examinesFollowedBy}: a clock time's "10" only where
 * a colon follows, and not after another colon). Each answer holds as well, per detector, the
 * {@link ContextGate} bit it needs where it finds nothing without a context word of its own near
 * ({@link Detector#needsContext}), and, for letter-and-digit candidates, those that take each
 * pattern of letters and digits in the first four chars ({@link Detector#examinesLetters}: a hex id
 * does not go to the IBAN check, whose values start with two letters and two digits). Chars are
 * looked up by class: the chars every detector answers alike for share one. Single groups are
 * looked up in a table; groupings are filtered once and kept in a bounded direct-mapped cache.
 * Thread-safe.
 */
final class Dispatch {
  static final Examiners NONE = new Examiners(new Detector[0], new long[0], null, false);
  private static final int CACHE = 4096; // slots of the grouping cache, a power of two
  private static final char NON_ASCII = '\u0080'; // stands for every char of 128 and above

  /**
   * The detectors a candidate goes to ({@code all}, never empty but in {@link #NONE}), each with
   * the context bit it needs here ({@code need}: its bit of {@link ContextGate} where it finds
   * nothing without one of its context words near, 0 where it examines the candidate anyway); for
   * letter-and-digit candidates, {@code byLetters} holds the detectors of these by the letters and
   * digits of the first four chars ({@link Detector#examinesLetters}), or is null where all examine
   * every such start.
   */
  static final class Examiners {
    private final Detector[] all;
    private final long[] need;
    private final long gatedBits; // the bits of need
    private final long ungated; // bit i for each detector all[i] that needs no context word here
    private final int[] gated; // the others' indices
    private final long headReaders; // bit i for each all[i] that reads a candidate's head
    private final Examiners[] byLetters;

    /**
     * @param heads whether the detectors' {@link Detector#examinesHead} is asked (false on the
     *     straightforward path)
     */
    Examiners(Detector[] all, long[] need, Examiners[] byLetters, boolean heads) {
      if (all.length > 64) {
        throw new IllegalStateException("more than 64 detectors of one candidate length");
      }
      this.all = all;
      this.need = need;
      this.byLetters = byLetters;
      long bits = 0;
      long alone = 0;
      long readers = 0;
      List<Integer> others = new ArrayList<>();
      for (int i = 0; i < all.length; i++) {
        bits |= need[i];
        if (need[i] == 0) {
          alone |= 1L << i;
        } else {
          others.add(i);
        }
        if (heads && all[i].readsHead()) {
          readers |= 1L << i;
        }
      }
      this.gatedBits = bits;
      this.ungated = alone;
      this.gated = others.stream().mapToInt(Integer::intValue).toArray();
      this.headReaders = readers;
    }

    Detector[] all() {
      return all;
    }

    /** Per detector of {@link #all}: the context bit it needs here, or 0. */
    long[] need() {
      return need;
    }

    /** Whether some of these need a context word near. */
    boolean gated() {
      return gatedBits != 0;
    }

    /**
     * Which of these (bit {@code i} for {@code all()[i]}) examine a candidate around which context
     * words of {@code bits} start ({@link ContextGate#bitsNear}).
     */
    long given(long bits) {
      long chosen = ungated;
      if ((gatedBits & bits) != 0) {
        for (int i : gated) {
          if ((need[i] & bits) == need[i]) {
            chosen |= 1L << i;
          }
        }
      }
      return chosen;
    }

    /** Whether some of {@code chosen} read a candidate's head ({@link #headed}). */
    boolean readHead(long chosen) {
      return (chosen & headReaders) != 0;
    }

    /**
     * {@code chosen} without the detectors that refuse a candidate of {@code length} chars by its
     * head ({@link Detector#examinesHead}).
     */
    long headed(long chosen, long head, int known, int length) {
      for (long r = chosen & headReaders; r != 0; r &= r - 1) {
        int i = Long.numberOfTrailingZeros(r);
        if (!all[i].examinesHead(head, known, length)) {
          chosen &= ~(1L << i);
        }
      }
      return chosen;
    }

    Examiners[] byLetters() {
      return byLetters;
    }

    /**
     * Those of these that examine a candidate of four chars or more starting with letters and
     * digits as {@code letters} tells ({@link Detector#examinesLetters}).
     */
    Examiners withLetters(int letters) {
      return byLetters == null ? this : byLetters[letters];
    }

    /** The detectors and their needs, for sharing equal answers. */
    private List<Object> key() {
      List<Object> key = new ArrayList<>(List.of(all));
      for (long b : need) {
        key.add(b);
      }
      return key;
    }
  }

  /** One cached grouping: its key, the class of its first char, and its detectors. */
  private record Entry(long key, int first, Examiners examiners) {}

  private final Detector[][] digitsByLength;
  private final Detector[][] alnumByLength;
  private final boolean byShape;
  private final ToLongFunction<Detector> contextBit;
  private final byte[] nextClass = new byte[NON_ASCII + 1]; // char after a single group -> class
  private final byte[] previousClass = new byte[NON_ASCII + 1]; // char before one -> class
  private final byte[] firstClass = new byte[128]; // a candidate's first char -> class
  private final char[] nextOfClass; // a char of each class
  private final char[] previousOfClass;
  private final char[] firstOfClass;
  private final Examiners[][] digitSingles; // [length][(previous, next, first) class]
  private final Examiners[][] alnumSingles;
  private final Examiners[] digitsUnfiltered; // [length]: every detector, for !byShape
  private final Examiners[] alnumUnfiltered;
  private final Entry[] grouped = new Entry[CACHE];

  /** False on the straightforward path, whose shape pass also reads every word. */
  boolean byShape() {
    return byShape;
  }

  /**
   * @param byShape false to hand every candidate to every detector of its length (the
   *     straightforward path the shape filter must agree with)
   * @param contextBit a detector's bit of {@link ContextGate}, for where it needs a context word
   */
  Dispatch(
      Detector[][] digitsByLength,
      Detector[][] alnumByLength,
      boolean byShape,
      ToLongFunction<Detector> contextBit) {
    this.digitsByLength = digitsByLength;
    this.alnumByLength = alnumByLength;
    this.byShape = byShape;
    this.contextBit = contextBit;
    List<Detector> every = new ArrayList<>();
    for (Detector[][] table : List.of(digitsByLength, alnumByLength)) {
      for (Detector[] ds : table) {
        for (Detector d : ds) {
          if (!every.contains(d)) {
            every.add(d);
          }
        }
      }
    }
    this.nextOfClass = classes(nextClass, every, Detector::examinesFollowedBy, true);
    this.previousOfClass = classes(previousClass, every, Detector::examinesPrecededBy, true);
    this.firstOfClass = classes(firstClass, every, Detector::examinesStartingWith, false);
    this.digitSingles = singles(digitsByLength);
    this.alnumSingles = singles(alnumByLength);
    this.digitsUnfiltered = unfiltered(digitsByLength);
    this.alnumUnfiltered = unfiltered(alnumByLength);
  }

  /**
   * The detectors for a candidate of {@code length} chars grouped as {@code groups[from, to)},
   * starting with the char {@code first}, preceded by {@code previous} and followed by {@code next}
   * (0 beyond the text).
   */
  Examiners of(
      boolean digits,
      int length,
      int[] groups,
      int from,
      int to,
      char separator,
      char first,
      char previous,
      char next) {
    if (length > CandidateCutter.MAX_COMPACT) {
      return NONE;
    }
    if (!byShape) {
      return (digits ? digitsUnfiltered : alnumUnfiltered)[length];
    }
    int f = first < 128 ? firstClass[first] : 0;
    if (to - from == 1) {
      int p = previousClass[Math.min(previous, NON_ASCII)];
      int n = nextClass[Math.min(next, NON_ASCII)];
      int at = (p * nextOfClass.length + n) * firstOfClass.length + f;
      return (digits ? digitSingles : alnumSingles)[length][at];
    }
    Detector[] all = (digits ? digitsByLength : alnumByLength)[length];
    if (all.length == 0) {
      return NONE;
    }
    int sep =
        switch (separator) {
          case ' ' -> 0;
          case '-' -> 1;
          case '.' -> 2;
          case '/' -> 3;
          default -> -1;
        };
    if (sep < 0) {
      return filter(all, Arrays.copyOfRange(groups, from, to), separator, firstOfClass[f]);
    }
    long key = key(digits, groups, from, to, sep);
    int slot = (int) (((key + f) * 0x9E3779B97F4A7C15L) >>> 52) & (CACHE - 2);
    Entry e = grouped[slot];
    if (e != null && e.key() == key && e.first() == f) {
      return e.examiners();
    }
    Entry other = grouped[slot + 1]; // two ways per slot
    if (other != null && other.key() == key && other.first() == f) {
      return other.examiners();
    }
    Entry fresh =
        new Entry(
            key, f, filter(all, Arrays.copyOfRange(groups, from, to), separator, firstOfClass[f]));
    // A racing writer stores an equal entry: immutable, so safely published.
    grouped[e == null ? slot : slot + 1] = fresh;
    return fresh.examiners();
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

  /**
   * Fills {@code classOf} so that chars every detector answers alike for share a class; returns a
   * char of each class. Next chars are every ASCII char and {@link #NON_ASCII}; first chars are
   * letters and digits (a candidate starts with one), all others in class 0 with the first.
   */
  private static char[] classes(
      byte[] classOf, List<Detector> detectors, CharQuestion question, boolean anyChar) {
    Map<List<Boolean>, Integer> ids = new HashMap<>();
    StringBuilder members = new StringBuilder();
    for (char c = 0; c < classOf.length; c++) {
      if (!anyChar && !CandidateCutter.isAlnum(c)) {
        continue;
      }
      List<Boolean> answers = new ArrayList<>(detectors.size());
      for (Detector d : detectors) {
        answers.add(question.examines(d, c));
      }
      int id = ids.computeIfAbsent(answers, a -> ids.size());
      if (id == members.length()) {
        members.append(c);
      }
      if (id > Byte.MAX_VALUE) {
        throw new IllegalStateException("too many char classes");
      }
      classOf[c] = (byte) id;
    }
    return members.toString().toCharArray();
  }

  /** Asks a detector about one char. */
  @FunctionalInterface
  private interface CharQuestion {
    boolean examines(Detector d, char c);
  }

  private Examiners[][] singles(Detector[][] byLength) {
    int firsts = firstOfClass.length;
    int nexts = nextOfClass.length;
    Examiners[][] singles = new Examiners[byLength.length][previousOfClass.length * nexts * firsts];
    Map<List<Object>, Examiners> shared = new HashMap<>();
    for (int len = 0; len < byLength.length; len++) {
      for (int p = 0; p < previousOfClass.length; p++) {
        for (int n = 0; n < nexts; n++) {
          for (int f = 0; f < firsts; f++) {
            Examiners e =
                single(byLength[len], len, firstOfClass[f], previousOfClass[p], nextOfClass[n]);
            singles[len][(p * nexts + n) * firsts + f] =
                e.all().length == 0 ? NONE : shared.computeIfAbsent(e.key(), k -> e);
          }
        }
      }
    }
    return singles;
  }

  private Examiners single(Detector[] all, int len, char first, char previous, char next) {
    List<Detector> around = new ArrayList<>(all.length);
    for (Detector d : all) {
      if (d.examinesPrecededBy(previous) && d.examinesFollowedBy(next)) {
        around.add(d);
      }
    }
    return filter(around.toArray(Detector[]::new), new int[] {len}, (char) 0, first);
  }

  private static Examiners[] unfiltered(Detector[][] byLength) {
    Examiners[] all = new Examiners[byLength.length];
    for (int len = 0; len < byLength.length; len++) {
      all[len] =
          byLength[len].length == 0
              ? NONE
              : new Examiners(byLength[len], new long[byLength[len].length], null, false);
    }
    return all;
  }

  private Examiners filter(Detector[] all, int[] groups, char separator, char first) {
    List<Detector> kept = new ArrayList<>(all.length);
    List<Long> need = new ArrayList<>(all.length);
    for (Detector d : all) {
      if (d.examinesStartingWith(first) && d.examinesShape(groups, separator)) {
        kept.add(d);
        need.add(d.needsContext(groups, separator) ? contextBit.applyAsLong(d) : 0L);
      }
    }
    if (kept.isEmpty()) {
      return NONE;
    }
    Examiners e =
        new Examiners(
            kept.toArray(Detector[]::new),
            need.stream().mapToLong(Long::longValue).toArray(),
            null,
            true);
    return byLetters(e);
  }

  /** {@code e} with its detectors by the letters and digits a candidate starts with. */
  private static Examiners byLetters(Examiners e) {
    Examiners[] narrowed = new Examiners[16];
    boolean narrows = false;
    for (int letters = 0; letters < narrowed.length; letters++) {
      List<Detector> all = new ArrayList<>();
      List<Long> need = new ArrayList<>();
      for (int i = 0; i < e.all().length; i++) {
        if (e.all()[i].examinesLetters(letters)) {
          all.add(e.all()[i]);
          need.add(e.need()[i]);
        }
      }
      narrows |= all.size() < e.all().length;
      narrowed[letters] =
          all.isEmpty()
              ? NONE
              : all.size() == e.all().length
                  ? e
                  : new Examiners(
                      all.toArray(Detector[]::new),
                      need.stream().mapToLong(Long::longValue).toArray(),
                      null,
                      true);
    }
    return narrows ? new Examiners(e.all(), e.need(), narrowed, true) : e;
  }
}
