package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTokensTest {
  private final AdminTokens tokens =
      new AdminTokens(List.of(Secret.of("first-token", "env:A"), Secret.of("second", "env:B")));

  @Test
  void acceptsAnyConfiguredToken() {
    assertThat(tokens.accepts("Bearer first-token")).isTrue();
    assertThat(tokens.accepts("Bearer second")).isTrue();
  }

  @Test
  void readsTheSchemeCaseInsensitively() {
    assertThat(tokens.accepts("bearer first-token")).isTrue();
    assertThat(tokens.accepts("BEARER second")).isTrue();
  }

  @Test
  void rejectsWrongOrMalformedCredentials() {
    assertThat(tokens.accepts(null)).isFalse();
    assertThat(tokens.accepts("")).isFalse();
    assertThat(tokens.accepts("Bearer")).isFalse();
    assertThat(tokens.accepts("Bearer ")).isFalse();
    assertThat(tokens.accepts("Bearer first")).isFalse();
    assertThat(tokens.accepts("Bearer first-token-and-more")).isFalse();
    assertThat(tokens.accepts("Basic first-token")).isFalse();
    assertThat(tokens.accepts("first-token")).isFalse();
  }

  @Test
  void treatsBlankTokensAsNotConfigured() {
    var blank = new AdminTokens(List.of(Secret.of("", "env:UNSET"), Secret.of("  ", "env:X")));

    assertThat(blank.configured()).isFalse();
    assertThat(blank.accepts("Bearer ")).isFalse();
    assertThat(blank.accepts("Bearer   ")).isFalse();
  }

  @Test
  void isClosedWithoutTokens() {
    var none = new AdminTokens(List.of());

    assertThat(none.configured()).isFalse();
    assertThat(none.accepts("Bearer anything")).isFalse();
  }
}
