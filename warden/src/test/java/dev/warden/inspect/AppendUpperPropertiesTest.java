package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The shape pass upper-cases a code's letters eight bytes at a time ({@link
 * CandidateCutter#appendUpper}); it writes exactly what upper-casing char by char writes, whatever
 * bytes (any of 256) follow the code in the text and whatever the buffer held.
 */
class AppendUpperPropertiesTest {
  @Property(tries = 2000)
  void upperCasesLikeString(
      @ForAll("codes") String code,
      @ForAll("bytes") byte[] before,
      @ForAll("bytes") byte[] after,
      @ForAll @IntRange(max = 10) int length) {
    byte[] text = new byte[before.length + code.length() + after.length];
    System.arraycopy(before, 0, text, 0, before.length);
    System.arraycopy(
        code.getBytes(StandardCharsets.US_ASCII), 0, text, before.length, code.length());
    System.arraycopy(after, 0, text, before.length + code.length(), after.length);
    byte[] out = new byte[CandidateCutter.MAX_COMPACT + 10];
    Arrays.fill(out, (byte) '#');

    int end =
        CandidateCutter.appendUpper(
            out, length, text, before.length, before.length + code.length());

    assertThat(end).isEqualTo(length + code.length());
    assertThat(new String(out, length, code.length(), StandardCharsets.US_ASCII))
        .isEqualTo(code.toUpperCase(Locale.ROOT));
    assertThat(new String(out, 0, length, StandardCharsets.US_ASCII)).isEqualTo("#".repeat(length));
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
  }
}
