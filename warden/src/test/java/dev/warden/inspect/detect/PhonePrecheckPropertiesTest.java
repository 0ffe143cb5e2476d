package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The phone detector skips libphonenumber for international numbers whose digits after the plus
 * cannot start a country code: libphonenumber finds none of them valid, nor possible.
 */
class PhonePrecheckPropertiesTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Property(tries = 3000)
  void skipsOnlyNumbersLibphonenumberRefuses(@ForAll("international") String s) {
    Matcher m = PhoneDetector.NUMBER.matcher(s);
    if (!m.lookingAt() || !m.group().startsWith("+")) {
      return;
    }
    String number = m.group();
    if (!PhoneDetector.countryCodeFollows(number)) {
      assertThat(validOrPossible(number)).as(number).isFalse();
    }
  }

  @Property(tries = 3000)
  void aZeroAfterThePlusIsANumberTheDetectorRefuses(@ForAll("international") String s) {
    if (!PhoneDetector.digitFollows(s, 0, 1) || !PhoneDetector.zeroAfterPlus(s, 0, 1)) {
      return;
    }
    Matcher m = PhoneDetector.NUMBER.matcher(s);
    if (m.lookingAt()) {
      assertThat(PhoneDetector.countryCodeFollows(m.group())).as(s).isFalse();
    }
  }

  @Property(tries = 500)
  void keepsEveryValidInternationalNumber(@ForAll("valid") String number) {
    assertThat(PhoneDetector.countryCodeFollows(number)).as(number).isTrue();
  }

  /** What the detector asks of an international number: valid, or possible beside a word. */
  private static boolean validOrPossible(String number) {
    try {
      var parsed = UTIL.parse(number, "ZZ");
      return UTIL.isValidNumber(parsed) || UTIL.isPossibleNumber(parsed);
    } catch (NumberParseException e) {
      return false;
    }
  }

  @Provide
  Arbitrary<String> international() {
    Arbitrary<String> body = Arbitraries.strings().withChars("0123456789 .-()").ofMaxLength(22);
    Arbitrary<String> head = Arbitraries.of("+", "+0", "+00", "+(0", "+(", "+0 ", "+1", "+44");
    return net.jqwik.api.Combinators.combine(head, body).as((h, b) -> h + b);
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.of(UTIL.getSupportedRegions().toArray(String[]::new))
        .map(r -> UTIL.getExampleNumber(r))
        .filter(java.util.Objects::nonNull)
        .map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
  }
}
