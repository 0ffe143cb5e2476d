package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {
  @Test
  void plainValuesAreTakenAsTheyAre() {
    assertThat(HeaderValues.decode("tools/call")).isEqualTo("tools/call");
    assertThat(HeaderValues.decode("=?base64?")).isEqualTo("=?base64?");
  }

  @Test
  void base64FormIsDecodedAsUtf8() {
    assertThat(HeaderValues.decode("=?base64?SGVsbG8sIOS4lueVjA==?=")).isEqualTo("Hello, 世界");
    assertThat(HeaderValues.decode("=?base64??=")).isEmpty();
  }

  @Test
  void malformedOrAbsentValuesAreNull() {
    assertThat(HeaderValues.decode(null)).isNull();
    assertThat(HeaderValues.decode("=?base64?%%%?=")).isNull();
    assertThat(HeaderValues.decode("=?base64?//79?=")).isNull(); // bytes that are not UTF-8
  }
}
