package dev.warden.mcp;

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
  void encodesWhatIsNotPlainVisibleAsciiInTheBase64Form() {
    assertThat(HeaderValues.encode("us-west1")).isEqualTo("us-west1");
    assertThat(HeaderValues.encode("Zürich")).isEqualTo("=?base64?WsO8cmljaA==?=");
    assertThat(HeaderValues.encode(" padded ")).isEqualTo("=?base64?IHBhZGRlZCA=?=");
    assertThat(HeaderValues.encode("")).isEqualTo("=?base64??=");
    for (String v : new String[] {"a b", "line1\nline2", "=?base64?abc?=", "日本語", "x"}) {
      assertThat(HeaderValues.decode(HeaderValues.encode(v))).isEqualTo(v);
    }
  }

  @Test
  void malformedOrAbsentValuesAreNull() {
    assertThat(HeaderValues.decode(null)).isNull();
    assertThat(HeaderValues.decode("=?base64?%%%?=")).isNull();
    assertThat(HeaderValues.decode("=?base64?//79?=")).isNull(); // bytes that are not UTF-8
  }
}
