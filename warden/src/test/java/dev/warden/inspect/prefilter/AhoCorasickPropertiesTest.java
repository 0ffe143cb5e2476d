package dev.warden.inspect.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The compiled automaton reports exactly the occurrences a naive search of every keyword finds, in
 * order of their end; so does the read by possible starts, in the same order as the automaton.
 */
class AhoCorasickPropertiesTest {

  @Property(tries = 1000)
  void findsWhatANaiveSearchFinds(
      @ForAll("keywordLists") List<String> keywords, @ForAll("texts") String text) {
    findsWhatANaiveSearchFindsIn(keywords, text);
  }

  /**
   * Texts long enough to be read in two halves or four quarters, with keywords up to 40 chars over
   * a two-letter alphabet, so that keywords of every length cross every boundary.
   */
  @Property(tries = 1200)
  void findsWhatANaiveSearchFindsInChains(
      @ForAll("longKeywordLists") List<String> keywords, @ForAll("chainedTexts") String text) {
    findsWhatANaiveSearchFindsIn(keywords, text);
  }

  @Property(tries = 1200)
  void stopsAtTheFirstStopCharInChains(
      @ForAll("longKeywordLists") List<String> keywords,
      @ForAll("chainedTexts") String text,
      @ForAll("stops") String stop,
      @ForAll int where) {
    stopsAtTheFirstStopCharIn(keywords, text, stop, where);
  }

  /**
   * Reading by possible starts finds what the automaton finds, hit for hit in the same order, and
   * stops where it stops: on texts of any length (the padded last blocks), with keywords over a
   * small alphabet of letters and the chars the SIMD pass could confuse (case, chars of 128 and
   * above, whose low 7 bits are a letter's).
   */
  @AddLifecycleHook(WhereVectorStartsRun.class)
  @Property(tries = 1500)
  void readingByStartsReportsWhatTheAutomatonReports(
      @ForAll("startKeywordLists") List<String> keywords,
      @ForAll("startTexts") String text,
      @ForAll boolean untilStop) {
    AhoCorasick ac = new AhoCorasick(keywords, "\\%&");
    Assume.that(ac.readsByStarts()); // not for lists whose starts would be marked too often
    byte[] view = Ascii.of(text);
    List<Long> byAutomaton = new ArrayList<>();
    int automatonStop =
        ac.scanByAutomaton(
            view, view.length, (k, e) -> byAutomaton.add((long) e << 16 | k), untilStop);
    List<Long> byStarts = new ArrayList<>();
    int startsStop =
        ac.scanByStarts(view, view.length, (k, e) -> byStarts.add((long) e << 16 | k), untilStop);

    assertThat(byStarts).isEqualTo(byAutomaton);
    assertThat(startsStop).isEqualTo(automatonStop);
    assertThat(new TreeSet<>(byStarts))
        .isEqualTo(naive(keywords, text.substring(0, automatonStop)));
  }

  /**
   * A dictionary whose words start almost anywhere in text is read by the automaton, as is one so
   * large that the hash of first chars rules out little: marking their starts would cost more than
   * reading every char. A few dozen words are read by starts.
   */
  @AddLifecycleHook(WhereVectorStartsRun.class)
  @Property(tries = 5)
  void keywordsWhoseStartsWouldBeMarkedTooOftenAreReadByTheAutomaton(@ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<String> letters = words(random, 3000, "", "abcdefghijklmnopqrstuvwxyz");
    assertThat(new AhoCorasick(letters, "\\%&").readsByStarts()).isFalse();
    // Rare first chars (few marks), but 12,000 different first four chars to hash.
    List<String> rare = words(random, 12_000, "#$~^", "abcdefghijklmnopqrstuvwxyz");
    assertThat(new AhoCorasick(rare.subList(0, 200), "\\%&").readsByStarts()).isTrue();
    assertThat(new AhoCorasick(rare, "\\%&").readsByStarts()).isFalse();
    assertThat(new AhoCorasick(letters.subList(0, 40), "\\%&").readsByStarts()).isTrue();
  }

  /** {@code count} words of 4 to 9 chars: one of {@code first} (if any), then {@code rest}. */
  private static List<String> words(java.util.Random random, int count, String first, String rest) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder word = new StringBuilder();
      if (!first.isEmpty()) {
        word.append(first.charAt(random.nextInt(first.length())));
      }
      while (word.length() < 4 + random.nextInt(6)) {
        word.append(rest.charAt(random.nextInt(rest.length())));
      }
      words.add(word.toString());
    }
    return words;
  }

  private static void findsWhatANaiveSearchFindsIn(List<String> keywords, String text) {
    AhoCorasick ac = new AhoCorasick(keywords);
    List<long[]> hits = new ArrayList<>();
    ac.scan(Ascii.of(text), text.length(), (k, end) -> hits.add(new long[] {end, k}));

    Set<Long> found = new TreeSet<>();
    long lastEnd = 0;
    for (long[] h : hits) {
      assertThat(h[0]).isGreaterThanOrEqualTo(lastEnd); // ordered by end
      lastEnd = h[0];
      found.add(h[0] << 16 | h[1]);
    }
    assertThat(found).hasSize(hits.size()).isEqualTo(naive(keywords, text));
  }

  @Property(tries = 200)
  void charSequenceScanAgrees(
      @ForAll("keywordLists") List<String> keywords, @ForAll("texts") String text) {
    AhoCorasick ac = new AhoCorasick(keywords);
    Set<Long> found = new TreeSet<>();
    ac.scan(new StringBuilder(text), (k, end) -> found.add((long) end << 16 | k));

    assertThat(found).isEqualTo(naive(keywords, text));
  }

  @Property(tries = 1000)
  void stopsAtTheFirstStopChar(
      @ForAll("keywordLists") List<String> keywords,
      @ForAll("texts") String text,
      @ForAll("stops") String stop,
      @ForAll int where) {
    stopsAtTheFirstStopCharIn(keywords, text, stop, where);
  }

  private static void stopsAtTheFirstStopCharIn(
      List<String> keywords, String text, String stop, int where) {
    int at = text.isEmpty() ? 0 : Math.floorMod(where, text.length() + 1);
    String s = where % 3 == 0 ? text : text.substring(0, at) + stop + text.substring(at);
    AhoCorasick ac = new AhoCorasick(keywords, "\\%&");
    Set<Long> found = new TreeSet<>();
    int stopped =
        ac.scanUntilStop(Ascii.of(s), s.length(), (k, end) -> found.add((long) end << 16 | k));

    int first = 0;
    while (first < s.length() && s.charAt(first) < 128 && "\\%&".indexOf(s.charAt(first)) < 0) {
      first++;
    }
    assertThat(stopped).isEqualTo(first);
    assertThat(found).isEqualTo(naive(keywords, s.substring(0, first)));
  }

  @Provide
  Arbitrary<String> stops() {
    return Arbitraries.of("%", "&", "\\", "é", "\u00a0", "%%&");
  }

  private static Set<Long> naive(List<String> keywords, String text) {
    Set<Long> expected = new TreeSet<>();
    for (int k = 0; k < keywords.size(); k++) {
      String w = keywords.get(k);
      for (int at = 0; at + w.length() <= text.length(); at++) {
        if (equalsFolded(text, at, w)) {
          expected.add((long) (at + w.length()) << 16 | k);
        }
      }
    }
    return expected;
  }

  private static boolean equalsFolded(String text, int at, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (fold(text.charAt(at + i)) != fold(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  @Provide
  Arbitrary<List<String>> keywordLists() {
    return Arbitraries.strings()
        .withChars("abcAB_-:/.+0")
        .ofMinLength(1)
        .ofMaxLength(5)
        .map(w -> w.toLowerCase(java.util.Locale.ROOT))
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars("abcABC_-:/.+0 zé\u212a\u017f\u0130%&\\")
        .ofMaxLength(80);
  }

  @Provide
  Arbitrary<List<String>> longKeywordLists() {
    return Arbitraries.strings()
        .withChars("abA")
        .ofMinLength(1)
        .ofMaxLength(40)
        .map(w -> w.toLowerCase(java.util.Locale.ROOT))
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> startKeywordLists() {
    Arbitrary<String> words =
        Arbitraries.strings().withChars("abcdAB_%").ofMinLength(1).ofMaxLength(9);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, words.map(w -> w.toLowerCase(java.util.Locale.ROOT))),
            // Many keywords sharing first chars, so the buckets mix them.
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("abcdefghij").ofLength(4)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  /** Texts of every length up to a few blocks, from parts that make keywords likely. */
  @Provide
  Arbitrary<String> startTexts() {
    Arbitrary<String> parts =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcdABCD").ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().withChars("ab_% &\\éáášÁ").ofMaxLength(3),
            Arbitraries.strings().withChars("abcdefghij").ofLength(4));
    return parts.list().ofMaxSize(70).map(p -> String.join("", p));
  }

  /** Texts read in two halves, and texts read in four quarters. */
  @Provide
  Arbitrary<String> chainedTexts() {
    return Arbitraries.oneOf(
        texts(12, 60).filter(t -> t.length() >= AhoCorasick.TWO_HALVES_FROM), quarteredTexts());
  }

  private static Arbitrary<String> quarteredTexts() {
    // Texts of parts as above, repeated up to the length: the quarters' boundaries fall anywhere.
    return texts(12, 60)
        .map(t -> t.repeat(AhoCorasick.FOUR_QUARTERS_FROM / Math.max(1, t.length()) + 1));
  }

  private static Arbitrary<String> texts(int minParts, int maxParts) {
    Arbitrary<String> runs =
        Arbitraries.strings().withChars("aaaabbB").ofMinLength(1).ofMaxLength(60);
    Arbitrary<String> other = Arbitraries.strings().withChars("c c cé").ofMaxLength(2);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, runs), net.jqwik.api.Tuple.of(1, other))
        .list()
        .ofMinSize(minParts)
        .ofMaxSize(maxParts)
        .map(parts -> String.join("", parts));
  }
}
