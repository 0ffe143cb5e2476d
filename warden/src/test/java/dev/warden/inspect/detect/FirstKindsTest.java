package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inspect.Confidence;
import dev.warden.inspect.DetectionEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A code detector that declares the kinds of its first four chars ({@link
 * NumberDetector#firstKinds}) is handed only candidates starting so; the others are never built.
 */
class FirstKindsTest {
  @Test
  void kindsAreSetsOfLetterPatterns() {
    // Bit i of a pattern is set where char i is a letter.
    assertThat(NumberDetector.kindsOf("AA99")).isEqualTo(1 << 0b0011);
    assertThat(NumberDetector.kindsOf("9999")).isEqualTo(1);
    assertThat(NumberDetector.kindsOf("A?99")).isEqualTo(1 << 0b0001 | 1 << 0b0011);
    assertThat(NumberDetector.kindsOf("????")).isEqualTo(NumberDetector.ANY_KINDS);
    assertThatThrownBy(() -> NumberDetector.kindsOf("AA9"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyCandidatesStartingAsDeclaredAreExamined() {
    List<String> examined = new ArrayList<>();
    DetectionEngine engine = DetectionEngine.of(List.of(recording(examined).firstKinds("AA99")));

    engine.scan("DE12abcd, d1e2f3a4, ab12cd34, 1a2b3c4d, ABCD1234, DE 12 AB CD, AB 1C 23 45, zz99");

    assertThat(examined).containsExactly("DE12ABCD", "AB12CD34", "DE12ABCD");
  }

  @Test
  void undeclaredDetectorsSeeEveryStart() {
    List<String> examined = new ArrayList<>();

    DetectionEngine.of(List.of(recording(examined))).scan("DE12abcd, d1e2f3a4, 1a2b3c4d, ABCD1234");

    assertThat(examined).containsExactly("DE12ABCD", "D1E2F3A4", "1A2B3C4D", "ABCD1234");
  }

  /** Codes of eight chars whose check records each value it is asked about and accepts none. */
  private static NumberDetector recording(List<String> examined) {
    return NumberDetector.codes(
        "TEST_CODE",
        Confidence.HIGH,
        Set.of(),
        Policy.ALONE,
        new int[] {8},
        v -> examined.add(v) && false);
  }
}
