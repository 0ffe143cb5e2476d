package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuhnTest {
  @Test
  void acceptsPublicTestCardNumbers() {
    assertThat(Luhn.isValid("4111 1111 1111 1111")).isTrue();
    assertThat(Luhn.isValid("4242-4242-4242-4242")).isTrue();
    assertThat(Luhn.isValid("378282246310005")).isTrue();
  }

  @Test
  void rejectsAChangedDigitAndNonDigits() {
    assertThat(Luhn.isValid("4111 1111 1111 1112")).isFalse();
    assertThat(Luhn.isValid("4111 1111 1111 111x")).isFalse();
    assertThat(Luhn.isValid("0")).isFalse();
  }
}
