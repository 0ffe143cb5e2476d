package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ASCII fast path of {@link ScanText#wordStartsAt} answers as {@link Character} does, the
 * window lookup answers alike whatever was asked before, and context words are told by flags as by
 * their sets.
 */
class ScanTextPropertiesTest {

  @Property(tries = 2000)
  void windowsAreFoundWhateverWasAskedBefore(
      @ForAll("ends") List<Integer> gaps, @ForAll("queries") List<Integer> queries) {
    ScanText scan = new ScanText("x".repeat(10_000), List.of("k"), new boolean[] {false});
    List<Integer> ends = new ArrayList<>();
    int end = 0;
    for (int gap : gaps) {
      end += gap; // equal ends too: two keywords may end at one offset
      ends.add(end);
      scan.addHit(0, end);
    }
    for (int from : queries) {
      int expected = (int) ends.stream().filter(e -> e <= from).count();
      assertThat(scan.firstEndingAfter(from))
          .as("from " + from + " in " + ends)
          .isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<Integer>> ends() {
    return Arbitraries.integers().between(0, 12).list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Integer>> queries() {
    Arbitrary<Integer> near = Arbitraries.integers().between(-60, 400);
    return near.list()
        .ofMinSize(1)
        .ofMaxSize(40)
        .map(
            qs -> {
              List<Integer> sorted = new ArrayList<>(qs);
              if (qs.get(0) % 2 == 0) {
                sorted.sort(null); // mostly rising, as a scan asks, or in any order
              }
              return sorted;
            });
  }

  private static final List<String> KEYWORDS =
      List.of("id", "phone", "tel", "card", "iban", "vat", "order", "ssn");

  /**
   * {@link ScanText#near} reads the engine's flags per set of words ({@link WordMasks}) and answers
   * as asking each set does, for sets seen before or not, and with the table full.
   */
  @Property(tries = 1000)
  void nearReadsFlagsAsTheSetsAnswer(
      @ForAll("keywordTexts") String text,
      @ForAll("wordSets") List<java.util.Set<String>> sets,
      @ForAll("windows") List<Integer> starts) {
    WordMasks shared = new WordMasks(KEYWORDS, 2); // two slots: later sets find no room
    ScanText flagged = withHits(text, shared);
    ScanText asked = withHits(text, new WordMasks(KEYWORDS, 0));
    for (int start : starts) {
      for (java.util.Set<String> words : sets) {
        int end = Math.min(text.length(), start + 8);
        assertThat(flagged.near(words, start, end))
            .as("%s near [%d, %d) in %s", words, start, end, text)
            .isEqualTo(asked.near(words, start, end));
      }
    }
  }

  private static ScanText withHits(String text, WordMasks masks) {
    ScanText scan = new ScanText(text, KEYWORDS, new boolean[KEYWORDS.size()], masks);
    for (int end = 1; end <= text.length(); end++) {
      for (int k = 0; k < KEYWORDS.size(); k++) {
        if (text.startsWith(KEYWORDS.get(k), end - KEYWORDS.get(k).length())) {
          scan.addHit(k, end);
        }
      }
    }
    return scan;
  }

  @Provide
  Arbitrary<String> keywordTexts() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(KEYWORDS),
            Arbitraries.of("\"", ": ", " ", "_", "x", "1234", "\"order_id\": \"", "Phone"));
    return piece.list().ofMaxSize(20).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<java.util.Set<String>>> wordSets() {
    return Arbitraries.of(KEYWORDS).set().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<Integer>> windows() {
    return Arbitraries.integers().between(0, 120).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 3000)
  void wordStartsAsCharacterSays(@ForAll("pairs") String text) {
    ScanText scan = new ScanText(text, List.of(), new boolean[0]);
    for (int i = 0; i < text.length(); i++) {
      assertThat(scan.wordStartsAt(i)).as(text + " at " + i).isEqualTo(reference(text, i));
    }
  }

  private static boolean reference(String text, int i) {
    if (i == 0 || !Character.isLetter(text.charAt(i - 1)) || !Character.isLetter(text.charAt(i))) {
      return true;
    }
    char at = text.charAt(i);
    if (!Character.isLowerCase(at) && !Character.isUpperCase(at) && !Character.isTitleCase(at)) {
      return true; // a letter without case (CJK, Hebrew, Thai): no boundary to see, any may start
    }
    return Character.isLowerCase(text.charAt(i - 1)) && Character.isUpperCase(text.charAt(i));
  }

  @Provide
  Arbitrary<String> pairs() {
    return Arbitraries.oneOf(
            Arbitraries.chars().ascii(),
            Arbitraries.chars().with("éÉßǅµ\u00aa_1 \u0130\u212a番א"),
            Arbitraries.chars())
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
  }
}
