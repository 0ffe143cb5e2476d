package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inspect.validate.CheckDigits;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the engine and its validators over generated values and arbitrary text. */
class DetectionPropertiesTest {
  private static final DetectionEngine ENGINE = DetectionEngine.builtIn();

  @Property(tries = 300)
  void findsEveryValidVisaWithItsSpan(@ForAll("cardBodies") String body, @ForAll boolean spaced) {
    String pan = CorpusGenerator.luhnComplete("4" + body);
    String value = spaced ? pan.replaceAll("(.{4})(?!$)", "$1 ") : pan;
    String text = "{\"payment\":{\"card_number\":\"" + value + "\",\"amount\":12.5}}";

    List<Finding> found = ENGINE.scan(text);

    assertThat(found).extracting(Finding::type).containsExactly("CARD_VISA");
    assertThat(text.substring(found.getFirst().start(), found.getFirst().end())).isEqualTo(value);
  }

  @Property(tries = 300)
  void rejectsACardWithOneDigitChanged(
      @ForAll("cardBodies") String body,
      @ForAll @IntRange(min = 1, max = 15) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String pan = CorpusGenerator.luhnComplete("4" + body);
    char changed = (char) ('0' + (pan.charAt(position) - '0' + delta) % 10);
    String wrong = pan.substring(0, position) + changed + pan.substring(position + 1);

    assertThat(CheckDigits.luhn(wrong)).isFalse();
    assertThat(ENGINE.scan("{\"card_number\":\"" + wrong + "\"}"))
        .extracting(Finding::type)
        .noneMatch(t -> t.startsWith("CARD_"));
  }

  @Property(tries = 300)
  void findsEveryValidIban(@ForAll("ibanBodies") String bban, @ForAll boolean grouped) {
    String iban = CorpusGenerator.iban("DE", bban);
    String value = grouped ? iban.replaceAll("(.{4})(?!$)", "$1 ") : iban;
    String text = "Please wire it to " + value + " by Friday.";

    List<Finding> found = ENGINE.scan(text);

    assertThat(found).extracting(Finding::type).contains("IBAN");
    Finding iban0 = found.stream().filter(f -> f.type().equals("IBAN")).findFirst().orElseThrow();
    assertThat(text.substring(iban0.start(), iban0.end())).isEqualTo(value);
  }

  @Property(tries = 500)
  void neverThrowsAndKeepsSpansInBounds(@ForAll @StringLength(max = 400) String text) {
    for (Finding f : ENGINE.scan(text)) {
      assertThat(f.start()).isBetween(0, text.length());
      assertThat(f.end()).isBetween(f.start(), text.length());
    }
  }

  @Property(tries = 200)
  void neverThrowsOnJsonLikeNoise(@ForAll("jsonNoise") String text) {
    for (Finding f : ENGINE.scan(text)) {
      assertThat(f.end()).isLessThanOrEqualTo(text.length());
    }
  }

  @Property(tries = 40)
  void streamingOverRandomSplitsFindsWhatAWholeScanFinds(
      @ForAll("streams") String text, @ForAll("splits") List<Integer> cuts) {
    List<String> whole = ENGINE.scan(text).stream().map(f -> f.type() + "@" + f.start()).toList();
    Scanner scanner = ENGINE.scanner();
    List<String> streamed = new ArrayList<>();
    int from = 0;
    for (int cut : cuts.stream().map(c -> c % (text.length() + 1)).sorted().toList()) {
      scanner.feed(text.substring(from, Math.max(from, cut))).forEach(f -> add(streamed, f));
      from = Math.max(from, cut);
    }
    scanner.feed(text.substring(from)).forEach(f -> add(streamed, f));
    scanner.finish().forEach(f -> add(streamed, f));

    assertThat(streamed).containsExactlyElementsOf(whole);
  }

  private static void add(List<String> out, Scanner.StreamFinding f) {
    out.add(f.finding().type() + "@" + f.start());
  }

  @Provide
  Arbitrary<String> cardBodies() {
    return Arbitraries.strings().numeric().ofLength(14);
  }

  @Provide
  Arbitrary<String> ibanBodies() {
    return Arbitraries.strings().numeric().ofLength(18);
  }

  @Provide
  Arbitrary<String> jsonNoise() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789-+.@/\\u ()abcxyzAKIA_=%&#;\n")
        .ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> streams() {
    Arbitrary<String> values =
        Arbitraries.of(
            "4111 1111 1111 1111",
            "536-22-8726",
            "jane.doe@example.com",
            "DE89 3704 0044 0532 0130 00",
            "ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
            "+44 20 7946 0958");
    Arbitrary<String> filler =
        Arbitraries.strings().withChars("abc xyz,{}\":0123").ofMinLength(0).ofMaxLength(3000);
    return Arbitraries.oneOf(values.map(v -> " " + v + " "), filler)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Integer>> splits() {
    return Arbitraries.integers().between(0, 30_000).list().ofMaxSize(6);
  }
}
