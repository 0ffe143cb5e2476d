package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The gate's look-ups answer as a search of every keyword occurrence would. */
class ContextGateTest {
  private static final List<String> WORDS = List.of("ab", "c", "abcd", "ssn", "bc");
  private static final int[] LENGTHS = WORDS.stream().mapToInt(String::length).toArray();

  @Property(tries = 1000)
  void findsAWordStartInAnyRange(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = -70, max = 300) int from,
      @ForAll @IntRange(min = 0, max = 120) int width,
      @ForAll @Size(5) List<@IntRange(min = 0, max = 7) Integer> marks) {
    long[] context = context(marks);
    ScanText scan = scan(text);
    ContextGate gate = ContextGate.of(scan, context, LENGTHS);

    boolean expected = false;
    for (int h = 0; h < scan.hitCount(); h++) {
      int start = scan.hitEnd(h) - LENGTHS[scan.hitKeyword(h)];
      expected |= context[scan.hitKeyword(h)] != 0 && start >= from && start < from + width;
    }
    assertThat(gate.any(from, from + width)).isEqualTo(expected);
  }

  /**
   * Look-ups in any order (the cursor moves both ways) get the bits of exactly the words that start
   * in the default window, words starting at one place included.
   */
  @Property(tries = 1000)
  void givesTheBitsOfTheWordsStartingInTheWindow(
      @ForAll("texts") String text,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 270) Integer> starts,
      @ForAll @IntRange(min = 1, max = 30) int length,
      @ForAll @Size(5) List<@IntRange(min = 0, max = 7) Integer> marks) {
    long[] context = context(marks);
    ScanText scan = scan(text);
    ContextGate gate = ContextGate.of(scan, context, LENGTHS);
    for (int start : starts) {
      int end = start + length;
      long expected = 0;
      for (int h = 0; h < scan.hitCount(); h++) {
        int at = scan.hitEnd(h) - LENGTHS[scan.hitKeyword(h)];
        if (at >= start - ScanText.CONTEXT_BEFORE && at < end + ScanText.CONTEXT_AFTER) {
          expected |= context[scan.hitKeyword(h)];
        }
      }
      assertThat(gate.bitsNear(start, end)).as("[%d, %d)", start, end).isEqualTo(expected);
    }
  }

  /** Word k carries the bits of {@code marks.get(k)}: none, or some of three. */
  private static long[] context(List<Integer> marks) {
    long[] context = new long[WORDS.size()];
    for (int k = 0; k < context.length; k++) {
      context[k] = (long) marks.get(k) << (k * 7 % 61);
    }
    return context;
  }

  private static ScanText scan(String text) {
    ScanText scan = new ScanText(text, WORDS, new boolean[WORDS.size()]);
    new dev.warden.inspect.prefilter.AhoCorasick(WORDS)
        .scan(dev.warden.inspect.prefilter.Ascii.of(text), text.length(), scan::addHit);
    return scan;
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcdsn -").ofMaxLength(260);
  }
}
