package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Detector;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Vendor tokens matched by hand at their keyword ({@link TokenShape}) are found exactly where RE2
 * searching the keyword's window finds them, once overlapping findings are resolved.
 */
class TokenShapePropertiesTest {
  private static final DetectionEngine SHAPED = DetectionEngine.of(Catalogue.all());
  private static final DetectionEngine SEARCHED =
      DetectionEngine.of(Catalogue.all().stream().map(TokenShapePropertiesTest::searched).toList());

  @Property(tries = 4000)
  void findsWhatTheExpressionFinds(@ForAll("tokenish") String text) {
    assertThat(SHAPED.scan(text)).as(text).isEqualTo(SEARCHED.scan(text));
  }

  @Test
  void theVendorTokensOfOneLiteralAreMatchedByHand() {
    List<String> shaped =
        Catalogue.all().stream()
            .filter(d -> d instanceof PatternDetector p && p.shape() != null)
            .map(d -> d.types().get(0))
            .toList();
    assertThat(shaped)
        .contains("GITHUB_PAT_CLASSIC", "GITHUB_FINE_GRAINED_PAT", "NPM_TOKEN", "GCP_API_KEY")
        .doesNotContain("AWS_ACCESS_KEY_ID", "JWT");
  }

  private static Detector searched(Detector d) {
    if (!(d instanceof PatternDetector p) || p.shape() == null) {
      return d;
    }
    return new PatternDetector(
        p.type(),
        p.confidence(),
        p.frameworks(),
        p.keywords(),
        p.regex(),
        p.before(),
        p.after(),
        p.group(),
        p.valid(),
        p.needs(),
        p.wordStart(),
        null);
  }

  /** Vendor prefixes in any case, runs of their classes around the bounds, and what ends them. */
  @Provide
  Arbitrary<String> tokenish() {
    Arbitrary<String> prefixes =
        Arbitraries.of(
            "ghp_",
            "GHP_",
            "gho_",
            "ghs_",
            "npm_",
            "AIza",
            "aiza",
            "GOCSPX-",
            "ya29.",
            "github_pat_",
            "whsec_",
            "dckr_pat_",
            "glpat-",
            "xghp_",
            "_ghp_");
    String alphabet = "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hI6kL9nO2qR5tU8wX1zA4cD7fG0iJ3lM6oP9rS2uV5";
    String chars = alphabet + alphabet;
    Arbitrary<Integer> lengths =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 90),
            Arbitraries.of(19, 20, 21, 23, 24, 27, 28, 29, 34, 35, 36, 37, 81, 82, 83));
    Arbitrary<String> runs = lengths.map(n -> chars.substring(0, n));
    Arbitrary<String> glue =
        Arbitraries.of("_", "-", ".", "+", "/", "=", " ", "\"", "x", "é", "\n", "token: ");
    return Arbitraries.oneOf(prefixes, runs, runs, glue)
        .list()
        .ofMaxSize(8)
        .map(l -> String.join("", l));
  }
}
