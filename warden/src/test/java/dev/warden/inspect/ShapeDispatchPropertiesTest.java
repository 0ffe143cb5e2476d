package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Handing candidates only to the detectors whose grouping, first char and surrounding chars fit,
 * and skipping those that need a context word where none stands near ({@link Dispatch}, {@link
 * ContextGate}), finds exactly what handing every candidate to every detector of its length finds:
 * on text built from the pieces that decide (digit groups, separators, codes, hex ids, context
 * words, IDs and near-misses of every family) and on arbitrary text.
 */
class ShapeDispatchPropertiesTest {
  private static final DetectionEngine FAST = DetectionEngine.builtIn();
  private static final DetectionEngine REFERENCE = FAST.straightforward();

  /**
   * Context words, and values of the types skipped where no context word stands near, or by their
   * first char or the chars around them.
   */
  private static final List<String> GATED =
      List.of(
          "postcode",
          "ppsn",
          "routing",
          "svnr",
          "my number",
          "nhi",
          "zip",
          "cuit",
          "ausweis",
          "SW1A 1AA",
          "K1A 0B1",
          "1234567T",
          "1234567TW",
          "ABC1234",
          "T1234567J",
          "A123456789",
          "ABCPE1234F",
          "756.9217.0769.85",
          "10:37:00",
          "+02:00",
          "00:1a:2b:3c:4d:5e",
          "2001:db8:0:0:0:0:2:1",
          "9661a432-4630-2cd9-c053-6f45f2e9a617");

  /** A valid value of every type of the detection corpus. */
  private static final List<String> SAMPLES;

  static {
    try {
      SAMPLES = CorpusGenerator.samples().stream().map(CorpusGenerator.Sample::value).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Example
  void findsEverySampleValueAsTheReferenceDoes() {
    for (String value : SAMPLES) {
      for (String text :
          List.of(
              value,
              value.toLowerCase(java.util.Locale.ROOT),
              "{\"id\": \"" + value + "\"}",
              "ref " + value + " (3)")) {
        assertThat(FAST.scan(text)).as(text).isEqualTo(REFERENCE.scan(text));
      }
    }
  }

  @Property(tries = 1500)
  void findsWhatEveryDetectorOfTheLengthFinds(@ForAll("shaped") String text) {
    assertThat(FAST.scan(text)).as(text).isEqualTo(REFERENCE.scan(text));
  }

  @Property(tries = 300)
  void agreesOnArbitraryText(@ForAll("arbitrary") String text) {
    assertThat(FAST.scan(text)).as(text).isEqualTo(REFERENCE.scan(text));
  }

  @Example
  void skipsCandidatesByGroupingYetKeepsEveryFamily() {
    String text =
        "card 4111-1111-1111-1111, ssn 536-22-8726, ip 203.0.113.42, rut 12.345.678-5, "
            + "vat DE 136695976, iban DE89 3704 0044 0532 0130 00, nhs 943 476 5919, "
            + "v 1.2.3, date 2024-05-12, id 3f2a9c1b-7d4e-4a1b-9c3d-2e1f0a9b8c7d";

    List<Finding> fast = FAST.scan(text);

    assertThat(fast).isEqualTo(REFERENCE.scan(text));
    assertThat(fast)
        .extracting(Finding::type)
        .contains("CARD_VISA", "US_SSN", "IPV4_ADDRESS", "IBAN", "UK_NHS_NUMBER");
  }

  @Provide
  Arbitrary<String> shaped() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
    Arbitrary<String> codes =
        Arbitraries.strings()
            .withChars("ABCDEFKLMSTUWXZabe0123456789")
            .ofMinLength(2)
            .ofMaxLength(14);
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
    Arbitrary<String> words =
        Arbitraries.of(
            "card",
            "phone",
            "ssn",
            "vat",
            "iban",
            "nhs",
            "passport",
            "tax",
            "id",
            "order",
            "ver",
            "version",
            "v",
            "rut",
            "tfn",
            "bsn",
            "ahv",
            "pesel",
            "cpr",
            "hetu",
            "ird",
            "\"ts\":",
            "4111111111111111",
            "5500000000000004",
            "536-22-8726",
            "943 476 5919",
            "12.345.678-5",
            "131052-308T",
            "DE89370400440532013000",
            "DE136695976",
            "K1234567(8)",
            "A123456(3)",
            "+44 20 7946 0958",
            "(415) 555-2671",
            "415-555-2671",
            "fe80::1",
            "203.0.113.42",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "AB123456C",
            "X1234567L",
            "12345678Z");
    words = Arbitraries.oneOf(words, Arbitraries.of(GATED), Arbitraries.of(SAMPLES));
    Arbitrary<String> separators = Arbitraries.of(" ", "-", ".", "/", ":", "_", "(", ")", "+");
    Arbitrary<String> gaps = Arbitraries.of(" ", ", ", "\": \"", "\n", "=", " / ", "");
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, digits),
            net.jqwik.api.Tuple.of(2, codes),
            net.jqwik.api.Tuple.of(1, hex),
            net.jqwik.api.Tuple.of(3, words),
            net.jqwik.api.Tuple.of(4, separators),
            net.jqwik.api.Tuple.of(3, gaps));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> arbitrary() {
    return Arbitraries.strings().withChars("0123456789 -./:ABCDEFabcdef+()_,\"").ofMaxLength(200);
  }
}
