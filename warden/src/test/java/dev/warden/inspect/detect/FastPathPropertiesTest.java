package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import dev.warden.inspect.Candidate;
import java.util.Arrays;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each hand-written fast path of the detectors finds exactly what the regular expression (or the
 * string-building code) it replaces finds, on generated input biased towards the characters that
 * decide.
 */
class FastPathPropertiesTest {

  @Property(tries = 3000)
  void assignmentWalkMatchesTheExpression(@ForAll("assignments") String s) {
    Matcher m = GenericSecretDetector.ASSIGNMENT.matcher(s);
    long expected = m.lookingAt() ? (long) m.start(1) << 32 | m.end(1) : -1;

    assertThat(GenericSecretDetector.assignment(s, 0, s.length())).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void phoneDigitCheckNeverSkipsANumber(@ForAll("phoneish") String s) {
    for (int start = 0; start < s.length(); start++) {
      char c = s.charAt(start);
      if (c != '+' && c != '(') {
        continue;
      }
      String window = s.substring(start, Math.min(s.length(), start + 24));
      boolean matches = PhoneDetector.NUMBER.matcher(window).lookingAt();
      if (matches) {
        assertThat(PhoneDetector.digitFollows(s, start, start + 1)).as(s).isTrue();
      }
    }
  }

  @Property(tries = 10000)
  void phoneNumberWalkEndsWhereTheExpressionDoes(@ForAll("phoneNumbers") String s) {
    for (int start = 0; start < s.length(); start++) {
      int to = Math.min(s.length(), start + 24);
      Matcher m = PhoneDetector.NUMBER.matcher(s.substring(start, to));
      int expected = m.lookingAt() ? start + m.end() : -1;

      assertThat(PhoneDetector.numberEnd(s, start, to))
          .as("%s from %d", s, start)
          .isEqualTo(expected);
    }
  }

  @Property(tries = 3000)
  void entropyFromTheTableIsTheFormulas(@ForAll("assignments") String s) {
    assertThat(GenericSecretDetector.entropy(s))
        .isCloseTo(straightforwardEntropy(s), org.assertj.core.data.Offset.offset(1e-9));
  }

  /** Shannon entropy as the formula reads, one bit more for any char beyond ASCII. */
  private static double straightforwardEntropy(String s) {
    java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
    boolean other = false;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts.merge(c, 1, Integer::sum);
      } else {
        other = true;
      }
    }
    double h = 0;
    for (int count : counts.values()) {
      double p = (double) count / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return other ? h + 1 : h;
  }

  @Property(tries = 3000)
  void groupingCheckAgreesWithTheShapeString(
      @ForAll("groupings") int[] groups,
      @ForAll("separators") char sep,
      @ForAll("formats") String f) {
    Candidate c = new Candidate(0, 1, "0".repeat(Arrays.stream(groups).sum()), groups, sep);

    long shape = NumberDetector.shapeOf(c.groups(), c.separator());
    assertThat(NumberDetector.shapeOf(f) == shape)
        .as(f)
        .isEqualTo(f.equals(NumberDetector.shape(c)));
    assertThat(NumberDetector.shapeOf(NumberDetector.shape(c))).isEqualTo(shape);
  }

  /** Base58 decoded a byte at a time spells the bytes the big-integer reading does. */
  @Property(tries = 3000)
  void base58ReadsAsTheBigNumber(@ForAll("base58") String v) {
    java.math.BigInteger n = java.math.BigInteger.ZERO;
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    for (char c : v.toCharArray()) {
      n =
          n.multiply(java.math.BigInteger.valueOf(58))
              .add(java.math.BigInteger.valueOf(alphabet.indexOf(c)));
    }
    byte[] raw = n.toByteArray();
    byte[] magnitude = raw.length > 1 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    int ones = 0;
    while (ones < v.length() && v.charAt(ones) == '1') {
      ones++;
    }
    byte[] expected = new byte[ones + magnitude.length];
    System.arraycopy(magnitude, 0, expected, ones, magnitude.length);

    assertThat(CryptoDetector.base58(v)).as(v).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> base58() {
    Arbitrary<String> body =
        Arbitraries.strings()
            .withChars("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
            .ofMaxLength(60);
    return Arbitraries.integers()
        .between(0, 4)
        .flatMap(ones -> body.map(b -> "1".repeat(ones) + b));
  }

  @Provide
  Arbitrary<String> assignments() {
    Arbitrary<String> parts =
        Arbitraries.of(
            "api_key",
            "token",
            "x",
            "ab.c-d_9",
            "\"",
            "'",
            " ",
            "\t",
            "\n",
            ":",
            "=",
            ",",
            ";",
            "{",
            "}",
            "<",
            ">",
            "s3cr3tValue",
            "A1b2C3d4E5",
            "/+==",
            "ü",
            "\uD83D\uDE00",
            "é",
            "\u000B",
            "-",
            ".",
            "0123456789");
    return parts.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> phoneish() {
    return Arbitraries.strings().withChars("+()0123456789 .-#a").ofMaxLength(30);
  }

  /** Digit runs of every length the expression counts, and the chars it reads between them. */
  @Provide
  Arbitrary<String> phoneNumbers() {
    Arbitrary<String> digits =
        Arbitraries.integers().between(1, 7).map(n -> "4155552671".substring(0, n));
    Arbitrary<String> other =
        Arbitraries.of("+", "(", ")", " ", ".", "-", "+(", ") ", "x", ":", "/");
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, digits), net.jqwik.api.Tuple.of(2, other))
        .list()
        .ofMaxSize(14)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<int[]> groupings() {
    return Arbitraries.integers().between(1, 12).array(int[].class).ofMinSize(2).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Character> separators() {
    return Arbitraries.of(' ', '-', '.', '/');
  }

  @Provide
  Arbitrary<String> formats() {
    Arbitrary<String> generated =
        Arbitraries.integers()
            .between(0, 12)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .flatMap(
                l ->
                    Arbitraries.of(" ", "-", ".", "/")
                        .map(
                            sep ->
                                l.stream().map(String::valueOf).collect(Collectors.joining(sep))));
    return Arbitraries.oneOf(
        generated, Arbitraries.strings().withChars("0123 -./1").ofMaxLength(9));
  }
}
