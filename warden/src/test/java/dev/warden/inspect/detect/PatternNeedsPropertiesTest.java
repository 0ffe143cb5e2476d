package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** A detector's cheap window test never turns away a window its expression would match. */
class PatternNeedsPropertiesTest {
  private static final Pattern COORDINATE =
      Pattern.compile("-?(?:[1-8]?[0-9]\\.[0-9]{4,}|90\\.0{4,})");

  @Property(tries = 3000)
  void aWindowWithACoordinateAlwaysPasses(
      @ForAll
          @StringLength(max = 40)
          @CharRange(from = '-', to = '9')
          @CharRange(from = 'a', to = 'c')
          String window) {
    if (COORDINATE.matcher(window).find()) {
      assertThat(PatternDetector.hasDecimal4(window)).as(window).isTrue();
    }
  }

  @Test
  void shapes() {
    assertThat(PatternDetector.hasDecimal4("lat: 52.52001, lng: 13.40495")).isTrue();
    assertThat(PatternDetector.hasDecimal4("escalated later, v1.2.3 on 2024-05-06")).isFalse();
    assertThat(PatternDetector.hasDecimal4(".1234")).isFalse();
    assertThat(PatternDetector.hasDecimal4("9.123")).isFalse();
    assertThat(PatternDetector.hasDecimal4("x9.1234")).isTrue();
  }
}
