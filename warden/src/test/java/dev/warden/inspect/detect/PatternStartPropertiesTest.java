package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A value-after-word detector skips its expression where the expression cannot match: every window
 * it skips is one where the expression finds nothing.
 */
class PatternStartPropertiesTest {
  private static final List<PatternDetector> AFTER_WORD =
      Catalogue.all().stream()
          .filter(PatternDetector.class::isInstance)
          .map(PatternDetector.class::cast)
          .filter(d -> d.group() != 0)
          .toList();

  @Property(tries = 2000)
  void skipsOnlyWindowsTheExpressionCannotMatch(@ForAll("windows") String window) {
    for (PatternDetector d : AFTER_WORD) {
      if (!d.mayStartAt(window, 0, window.length())) {
        assertThat(d.regex().matcher(window).find()).as(d.type() + ": " + window).isFalse();
      }
    }
  }

  @Example
  void skipsTheExpiryExpressionInsideExport() {
    PatternDetector expiry =
        AFTER_WORD.stream().filter(d -> d.type().equals("CARD_EXPIRY")).findFirst().orElseThrow();

    assertThat(expiry.mayStartAt("ort fails 12/26", 0, 15)).isFalse();
    assertThat(expiry.mayStartAt(": 12/26", 0, 7)).isTrue();
  }

  @Provide
  Arbitrary<String> windows() {
    Arbitrary<String> parts =
        Arbitraries.of(
            "ort",
            "ected",
            "\"",
            ": ",
            "=",
            " ",
            "_date",
            "12/26",
            "0",
            "9",
            "95",
            "123",
            "ABCD",
            "DEUTDEFF",
            "12-3456789",
            "é",
            "\n",
            "-",
            "/",
            "1234567890",
            "a",
            "Z",
            "(",
            "'");
    return parts.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
