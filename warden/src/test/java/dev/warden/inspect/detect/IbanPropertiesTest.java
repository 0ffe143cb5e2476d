package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The in-place IBAN check answers as the textbook one: country length from the registry, then the
 * rearranged number, letters spelled as two digits, modulo 97 as a big integer.
 */
class IbanPropertiesTest {
  private static final Map<String, Integer> SOME =
      Map.of("DE", 22, "GB", 22, "FR", 27, "NO", 15, "RU", 33, "MT", 31, "BE", 16);

  @Property(tries = 3000)
  void answersAsTheTextbookCheck(@ForAll("ibanLike") String s) {
    assertThat(Iban.valid(s)).as(s).isEqualTo(textbook(s));
  }

  @Property(tries = 500)
  void acceptsEveryNumberWithRightCheckDigits(@ForAll("withCheckDigits") String s) {
    assertThat(Iban.valid(s)).as(s).isTrue();
  }

  private static boolean textbook(String s) {
    if (s.length() < 5 || !s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
      return false;
    }
    Integer length = SOME.get(s.substring(0, 2));
    if (length == null || length != s.length()) {
      return false;
    }
    return new BigInteger(spelled(s.substring(4) + s.substring(0, 4)))
        .mod(BigInteger.valueOf(97))
        .equals(BigInteger.ONE);
  }

  private static String spelled(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c <= '9' ? String.valueOf(c - '0') : String.valueOf(c - 55)));
    return b.toString();
  }

  /** Countries of the sample, lengths right or one off, check digits right or random. */
  @Provide
  Arbitrary<String> ibanLike() {
    return Combinators.combine(
            Arbitraries.of(SOME.keySet().toArray(String[]::new)).injectDuplicates(0.1),
            Arbitraries.integers().between(-1, 1),
            Arbitraries.strings().withChars("0123456789ABCZ").ofLength(40),
            Arbitraries.of(true, false),
            Arbitraries.strings().withChars("0123456789a-").ofLength(2))
        .as(
            (country, off, body, right, check) -> {
              String bban = body.substring(0, Math.max(1, SOME.get(country) - 4 + off));
              return country + (right ? checkDigits(country, bban) : check) + bban;
            });
  }

  @Provide
  Arbitrary<String> withCheckDigits() {
    return Combinators.combine(
            Arbitraries.of(SOME.keySet().toArray(String[]::new)),
            Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(40))
        .as(
            (country, body) -> {
              String bban = body.substring(0, SOME.get(country) - 4);
              return country + checkDigits(country, bban) + bban;
            });
  }

  private static String checkDigits(String country, String bban) {
    int check =
        98 - new BigInteger(spelled(bban + country + "00")).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }
}
