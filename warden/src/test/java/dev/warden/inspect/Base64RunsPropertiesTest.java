package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inspect.prefilter.Ascii;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The base64 pass's skipping walk finds exactly the runs a char-by-char walk finds, on text of
 * short words, hex ids, dots and base64 tokens around the minimum length.
 */
class Base64RunsPropertiesTest {

  @Property(tries = 3000)
  void skippingWalkFindsEveryRun(@ForAll("texts") String text) {
    byte[] s = Ascii.of(text);

    assertThat(runs(s, Walk.PROBING)).as(text).isEqualTo(runs(s, Walk.CHAR_BY_CHAR));
  }

  /** The 64-bytes-at-a-time search, where the JVM has the Vector API, finds the same runs. */
  @Property(tries = 1500)
  void blockWalkFindsEveryRun(@ForAll("longTexts") String text) {
    org.junit.jupiter.api.Assumptions.assumeTrue(Base64Layer.SIMD, "no Vector API here");
    byte[] s = Ascii.of(text);

    assertThat(runs(s, Walk.BLOCKS)).as(text).isEqualTo(runs(s, Walk.CHAR_BY_CHAR));
  }

  /**
   * A run of {@link Base64Layer#MIN} set bits is marked where it starts, on masks full of runs (ORs
   * of random ones), all set, and random.
   */
  @Property(tries = 3000)
  void runBitsMarkWhereMinSetBitsStart(
      @ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d) {
    long lo = a | b | c;
    long hi = b | c | d;
    for (long[] masks : new long[][] {{lo, hi}, {-1L, hi}, {lo, -1L}, {a, d}}) {
      assertThat(VectorRuns.runStarts(masks[0], masks[1]))
          .isEqualTo(runStarts(masks[0], masks[1], Base64Layer.MIN));
    }
  }

  /** Where {@code min} set bits start in {@code hi:lo}, counted bit by bit. */
  private static long runStarts(long lo, long hi, int min) {
    long expected = 0;
    for (int i = 0; i < 64; i++) {
      boolean all = true;
      for (int k = i; k < i + min; k++) {
        all &= ((k < 64 ? lo >>> k : hi >>> (k - 64)) & 1) == 1;
      }
      expected |= all ? 1L << i : 0;
    }
    return expected;
  }

  /** The eight-at-a-time test marks exactly the bytes that are base64 chars, of all 256. */
  @Property(tries = 5000)
  void eightCharsAtATimeMarkTheBase64Chars(@ForAll("eights") byte[] bytes) {
    long x = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    long mask = Base64Layer.base64s(x);
    for (int i = 0; i < 8; i++) {
      int c = bytes[i] & 0xFF;
      boolean base64 = c < 128 && (Character.isLetterOrDigit(c) || "+/=-_".indexOf(c) >= 0);
      assertThat((mask >>> (8 * i + 7) & 1) == 1).as("0x%02x", c).isEqualTo(base64);
    }
    assertThat(mask & 0x7F7F7F7F7F7F7F7FL).isZero();
  }

  @Provide
  Arbitrary<byte[]> eights() {
    Arbitrary<Byte> edges =
        Arbitraries.of(
            "*+,-./09:;<=>@AZ[^_`az{~\u007f".chars().mapToObj(c -> (byte) c).toArray(Byte[]::new));
    return Arbitraries.oneOf(edges, edges, Arbitraries.bytes()).array(byte[].class).ofSize(8);
  }

  @Property(tries = 3000)
  void paddingCheckRefusesOnlyWhatDecodingRefuses(@ForAll("tokens") String token) {
    if (!Base64Layer.paddingFits(Ascii.of(token), 0, token.length())) {
      assertThat(Base64Layer.decode(token)).as(token).isNull();
    }
  }

  @Property(tries = 3000)
  void paddingCheckReadsTheRangeOnly(
      @ForAll("tokens") String token, @ForAll("tokens") String before) {
    String text = before + token + before;
    assertThat(
            Base64Layer.paddingFits(
                Ascii.of(text), before.length(), before.length() + token.length()))
        .isEqualTo(Base64Layer.paddingFits(Ascii.of(token), 0, token.length()));
  }

  @Property(tries = 3000)
  void textCheckRefusesOnlyWhatDecodingRefuses(@ForAll("encoded") String token) {
    byte[] s = Ascii.of(token);
    if (Base64Layer.paddingFits(s, 0, s.length) && !Base64Layer.mayBeText(s, 0, s.length)) {
      assertThat(Base64Layer.decode(token)).as(token).isNull();
    }
  }

  /** Tokens of text with a few other bytes, of any bytes, and random base64 chars. */
  @Provide
  Arbitrary<String> encoded() {
    // Printable text, rich in the chars whose group start is 'f' (| } ~), with now and then an
    // "é" (two bytes of 0x80 or more): up to the 5 % decoding allows, or more.
    Arbitrary<byte[]> text =
        Arbitraries.strings()
            .withChars(" ~}|abcXYZ{019.,\né")
            .ofMinLength(12)
            .ofMaxLength(80)
            .filter(t -> t.chars().filter(c -> c == 'é').count() <= 3)
            .map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Arbitrary<byte[]> mixed =
        Arbitraries.oneOf(
                Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e),
                Arbitraries.bytes(),
                Arbitraries.of((byte) '\n', (byte) 0xc3, (byte) 0xa9))
            .array(byte[].class)
            .ofMinSize(12)
            .ofMaxSize(60);
    Arbitrary<String> encodedBytes =
        Arbitraries.oneOf(text, mixed)
            .flatMap(
                b ->
                    Arbitraries.of(
                        java.util.Base64.getEncoder().encodeToString(b),
                        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
    return Arbitraries.oneOf(encodedBytes, tokens());
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings()
        .withChars("QUJDRGVmZ2g0NTY3=-_+/")
        .ofMinLength(0)
        .ofMaxLength(40)
        .map(t -> t + "=".repeat(t.length() % 3));
  }

  private enum Walk {
    CHAR_BY_CHAR,
    PROBING,
    BLOCKS
  }

  private static List<Integer> runs(byte[] s, Walk walk) {
    List<Integer> starts = new ArrayList<>();
    if (walk == Walk.BLOCKS) {
      VectorRuns.Finder blocks = new VectorRuns.Finder(s, s.length);
      for (long span = blocks.next(); span >= 0; span = blocks.next()) {
        starts.add((int) (span >>> 32));
        assertThat((int) span).isEqualTo(Base64Layer.runEnd(s, s.length, (int) (span >>> 32)));
      }
      return starts;
    }
    int i = 0;
    while (true) {
      i =
          walk == Walk.CHAR_BY_CHAR
              ? Base64Layer.straightforwardNextRun(s, s.length, i)
              : Base64Layer.nextRun(s, s.length, i);
      if (i < 0) {
        return starts;
      }
      starts.add(i);
      i = Base64Layer.runEnd(s, s.length, i);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return parts().list().ofMaxSize(25).map(l -> String.join("", l));
  }

  /**
   * Texts of several 64-byte blocks: short words mostly, so that blocks without a run are skipped,
   * and now and then a run, across block boundaries too.
   */
  @Provide
  Arbitrary<String> longTexts() {
    Arbitrary<String> words =
        Arbitraries.strings().withChars("abcXYZ019 \":,.{é").ofMinLength(1).ofMaxLength(12);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, words), net.jqwik.api.Tuple.of(1, parts()))
        .list()
        .ofMinSize(10)
        .ofMaxSize(120)
        .map(l -> String.join("", l));
  }

  private Arbitrary<String> parts() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            " ", "\"", ".", ":", ",", "{", "é", "=", "-", "_", "/", "+", "@", "[", "`", "*"),
        Arbitraries.strings().withChars("abcXYZ019").ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().withChars("0123456789abcdef-").ofMinLength(20).ofMaxLength(40),
        Arbitraries.strings()
            .withChars("ABCDEFGHIJabcdefghij0123456789+/=-_")
            .ofMinLength(22)
            .ofMaxLength(26),
        Arbitraries.strings()
            .withChars("ABCDEFGHIJabcdefghij0123456789+/=-_")
            .ofMinLength(60)
            .ofMaxLength(140));
  }
}
