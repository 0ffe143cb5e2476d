package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The region loop with its length cut and cache answers exactly as asking libphonenumber about
 * every region, on digit runs built from real numbers' beginnings, national prefixes, country codes
 * and random digits.
 */
class PhoneRegionsPropertiesTest {
  private static final PhoneRegions CACHED = new PhoneRegions(true);
  private static final PhoneRegions UNCACHED = new PhoneRegions(false);

  @Test
  void cutsTheRegionsWhoseNumbersAreLonger() {
    // Read in the US, a number is valid where any +1 region takes it: Canada's 310 numbers have 7.
    assertThat(PhoneRegions.shortestNationalNumber("US")).isEqualTo(7);
    assertThat(UNCACHED.lookUp("3100000", false)).isTrue();
    assertThat(UNCACHED.lookUp("3100000", false))
        .isEqualTo(UNCACHED.straightforward("3100000", false));
    assertThat(PhoneRegions.shortestNationalNumber("FR")).isEqualTo(9);
    assertThat(PhoneRegions.shortestNationalNumber("AU")).isZero(); // 14… international prefix
    assertThat(UNCACHED.lookUp("4155552671", true)).isTrue();
    assertThat(UNCACHED.lookUp("12345678", false))
        .isEqualTo(UNCACHED.straightforward("12345678", false));
  }

  @Property(tries = 2000)
  void answersAsEveryRegionAsked(@ForAll("runs") String digits, @ForAll boolean grouped) {
    boolean expected = UNCACHED.straightforward(digits, grouped);

    assertThat(UNCACHED.lookUp(digits, grouped)).as(digits).isEqualTo(expected);
    assertThat(CACHED.valid(digits, grouped)).as(digits).isEqualTo(expected);
    assertThat(CACHED.valid(digits, !grouped))
        .as(digits)
        .isEqualTo(UNCACHED.straightforward(digits, !grouped));
    assertThat(CACHED.valid(digits, grouped)).as(digits).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void answersAsLibphonenumberForOneRegion(
      @ForAll("runs") String digits, @ForAll("written") String written) {
    String number = written.replace("D", digits);
    for (String region : new String[] {"ZZ", "US"}) {
      boolean expected = UNCACHED.valid(number, region);

      assertThat(CACHED.validIn(number, region)).as(number).isEqualTo(expected);
      assertThat(CACHED.validIn(number, region)).as(number).isEqualTo(expected);
    }
  }

  /** The cache keys numbers by fingerprint: numbers a digit or a char apart never share one. */
  @Property(tries = 500)
  void fingerprintsTellNumbersADigitApart(@ForAll("runs") String digits, @ForAll long seed) {
    java.util.Set<String> numbers = new java.util.HashSet<>();
    for (int i = 0; i < digits.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        numbers.add(digits.substring(0, i) + d + digits.substring(i + 1));
      }
      numbers.add(digits.substring(0, i));
    }
    numbers.add("+" + digits);
    numbers.add(digits + "0");
    java.util.Set<Long> fingerprints = new java.util.HashSet<>();
    for (String n : numbers) {
      fingerprints.add(PhoneRegions.fingerprint(n, seed));
    }
    assertThat(fingerprints).hasSameSizeAs(numbers);
  }

  @Provide
  Arbitrary<String> written() {
    return Arbitraries.of("+D", "(D", "+(D", "+1 D", "(415) D");
  }

  @Provide
  Arbitrary<String> runs() {
    Arbitrary<String> heads =
        Arbitraries.of(
            "", "0", "00", "1", "4155", "2079", "01514", "0207946", "33", "349", "44", "49", "91",
            "9198", "61", "55", "5511", "39", "3933", "0611", "06", "07700", "90", "1831", "9");
    Arbitrary<String> tails = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(13);
    return Combinators.combine(heads, tails)
        .as((h, t) -> (h + t).length() > 13 ? (h + t).substring(0, 13) : h + t)
        .filter(s -> s.length() >= 7);
  }
}
