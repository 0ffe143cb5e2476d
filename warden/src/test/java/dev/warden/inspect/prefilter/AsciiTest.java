package dev.warden.inspect.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scanning passes' view of a text: ASCII as itself, every other char as one marker. */
class AsciiTest {

  @Property(tries = 2000)
  void everyCharReadsAsItselfOrTheMarker(@ForAll("texts") String s) {
    byte[] view = Ascii.of(s);

    assertThat(view).hasSize(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char expected = c < 128 ? c : unpaired(s, i) ? '?' : '\u0080';
      assertThat(Ascii.charOf(view[i])).as("%s at %d", s, i).isEqualTo(expected);
    }
  }

  @Property(tries = 2000)
  void exactlyOnlyForTextsOfAsciiAndUnpairedSurrogates(@ForAll("texts") String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      ascii &= s.charAt(i) < 128 || unpaired(s, i);
    }

    if (ascii) {
      assertThat(Ascii.exactly(s)).isEqualTo(Ascii.of(s));
    } else {
      assertThat(Ascii.exactly(s)).isNull();
    }
  }

  /** Whether the char at {@code i} is a surrogate without its other half. */
  private static boolean unpaired(String s, int i) {
    int cp = s.codePointAt(i);
    boolean pairStart = Character.isSupplementaryCodePoint(cp);
    boolean pairEnd = i > 0 && Character.isSupplementaryCodePoint(s.codePointAt(i - 1));
    return Character.isSurrogate(s.charAt(i)) && !pairStart && !pairEnd;
  }

  /**
   * ASCII, Latin-1 beyond it (stored one byte a char), and wider chars, surrogate pairs and halves
   * of pairs.
   */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withChars("ab1 é\u00ff\u0080:?").ofMaxLength(20),
        Arbitraries.strings().withChars("a1?\u20ac\uff11\uD83D\uDE00").ofMaxLength(20));
  }
}
