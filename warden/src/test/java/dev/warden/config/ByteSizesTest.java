package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ByteSizesTest {
  private static final Map<String, Long> UNITS =
      Map.of(
          "", 1L,
          "KiB", 1024L,
          "MiB", 1024L * 1024,
          "GiB", 1024L * 1024 * 1024,
          "KB", 1000L,
          "MB", 1000L * 1000,
          "GB", 1000L * 1000 * 1000);

  @Property
  void readsEveryPositiveAmountInEveryUnit(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount, @ForAll("units") String unit) {
    assertThat(ByteSizes.parse(amount + unit)).isEqualTo(amount * UNITS.get(unit));
  }

  @Property
  void rejectsAnyOtherTextOnlyWithIllegalArgument(@ForAll String text) {
    Throwable thrown = catchThrowable(() -> ByteSizes.parse(text));
    if (thrown != null) {
      assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
    } else {
      assertThat(text.strip()).matches("(?i)\\d+\\s*(KiB|MiB|GiB|KB|MB|GB)?");
    }
  }

  @Provide
  Arbitrary<String> units() {
    return Arbitraries.of(UNITS.keySet());
  }

  @Test
  void rejectsUnknownUnitsZeroAndOverflow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ByteSizes.parse("4M"))
        .withMessage(ByteSizes.FORMS);
    assertThatIllegalArgumentException().isThrownBy(() -> ByteSizes.parse("0"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ByteSizes.parse("999999999999999999GiB"))
        .withMessage("is too large");
  }
}
