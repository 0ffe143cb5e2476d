package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The gate's bit lookup answers as a search of every keyword occurrence would. */
class ContextGateTest {
  private static final List<String> WORDS = List.of("ab", "c", "abcd", "ssn");

  @Property(tries = 1000)
  void findsAWordStartInAnyRange(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = -70, max = 300) int from,
      @ForAll @IntRange(min = 0, max = 120) int width,
      @ForAll boolean[] marked) {
    boolean[] context = new boolean[WORDS.size()];
    for (int k = 0; k < context.length; k++) {
      context[k] = k < marked.length && marked[k];
    }
    ScanText scan = new ScanText(text, WORDS, new boolean[WORDS.size()]);
    new dev.warden.inspect.prefilter.AhoCorasick(WORDS)
        .scan(dev.warden.inspect.prefilter.Ascii.of(text), text.length(), scan::addHit);
    int[] lengths = WORDS.stream().mapToInt(String::length).toArray();
    ContextGate gate = ContextGate.of(scan, context, lengths);

    boolean expected = false;
    for (int h = 0; h < scan.hitCount(); h++) {
      int start = scan.hitEnd(h) - lengths[scan.hitKeyword(h)];
      expected |= context[scan.hitKeyword(h)] && start >= from && start < from + width;
    }
    assertThat(gate.any(from, from + width)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcdsn -").ofMaxLength(260);
  }
}
