package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS);

  @Property
  void readsEveryPositiveAmountInEveryUnit(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount, @ForAll("units") String unit) {
    assertThat(Durations.parse(amount + unit)).isEqualTo(Duration.of(amount, UNITS.get(unit)));
  }

  @Property
  void rejectsAnyOtherTextOnlyWithIllegalArgument(@ForAll String text) {
    Throwable thrown = catchThrowable(() -> Durations.parse(text));
    if (thrown != null) {
      assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
    } else {
      assertThat(text.strip()).matches("\\d+\\s*(ms|s|m|h)");
    }
  }

  @Provide
  Arbitrary<String> units() {
    return Arbitraries.of(UNITS.keySet());
  }

  @Test
  void rejectsBareNumbersUnknownUnitsZeroAndOverflow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse("30"))
        .withMessage(Durations.FORMS);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse("1w"))
        .withMessage(Durations.FORMS);
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("-5s"));
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("0ms"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse("999999999999999999d"))
        .withMessage("is too long");
  }
}
