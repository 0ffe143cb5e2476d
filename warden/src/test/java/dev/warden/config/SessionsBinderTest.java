package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsBinderTest {
  static final String STRONG = "Zq3v9x0Lr8TtXc2M1nY7bP4sKw6Hd5Fj0aUeGi9oRl3QyBmVhC";
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void withoutTheSectionSessionIdsUseAPerProcessKey() throws ConfigException {
    assertThat(loader.parse("servers: []\n").sessions()).isEqualTo(SessionsConfig.DEFAULT);
  }

  @Test
  void readsKeysInOrderAndMaxAge() throws ConfigException {
    loader.env.put("K2", STRONG);
    loader.env.put("K1", STRONG.toLowerCase() + "!");
    SessionsConfig sessions =
        loader
            .parse(
                """
                servers: []
                sessions:
                  keys:
                    - { id: k2, secret: "${env:K2}" }
                    - { id: k1, secret: "${env:K1}" }
                  max-age: 12h
                """)
            .sessions();
    assertThat(sessions.keys()).extracting(SessionsConfig.Key::id).containsExactly("k2", "k1");
    assertThat(sessions.keys().getFirst().secret().reveal()).isEqualTo(STRONG);
    assertThat(sessions.maxAge()).contains(Duration.ofHours(12));
    assertThat(sessions.toString()).doesNotContain(STRONG).contains("${env:K2}");
  }

  @Test
  void reportsEachBadValueWithItsLineAndNeverTheSecret() {
    loader.env.put("SHORT", "too-short-secret");
    loader.env.put("HEX", "0123456789abcdef0123456789abcdef");
    loader.env.put("SAME", "a".repeat(64));
    loader.env.put("GOOD", STRONG);
    var problems =
        loader.problems(
            """
            servers: []
            sessions:
              keys:
                - { id: k1, secret: "${env:SHORT}" }
                - { id: k2, secret: "${env:HEX}" }
                - { id: k3, secret: "${env:SAME}" }
                - { id: k4, secret: literal-secret-value-that-is-long-enough-0123 }
                - { id: Bad_Id, secret: "${env:GOOD}" }
                - { id: k5, secret: "${env:GOOD}" }
                - { id: k5, secret: "${env:GOOD}" }
                - { id: k6 }
              max-age: forever
              colour: red
            """);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:4:").contains("32 random"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:5:").contains("32 random"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:6:").contains("32 random"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:7:").contains("literal"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:8:").contains("key id"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:10:").contains("duplicate"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:11:").contains("secret"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:12:").contains("30s"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:13:").contains("unknown key"))
        .allSatisfy(
            p ->
                assertThat(p)
                    .doesNotContain("too-short-secret", "0123456789abcdef0123", "aaaaaaaa"));
  }

  @Test
  void anEmptyKeyListIsAnError() {
    assertThat(loader.problems("servers: []\nsessions:\n  keys: []\n"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:3:").contains("at least one"));
  }

  @Test
  void strengthRuleAcceptsRandomTextAndLongHex() {
    assertThat(SessionsBinder.strong(STRONG)).isTrue();
    assertThat(SessionsBinder.strong("0123456789abcdef".repeat(4))).isTrue();
    assertThat(SessionsBinder.strong("0123456789abcdef".repeat(2))).isFalse();
    assertThat(SessionsBinder.strong("abcabcabcabcabcabcabcabcabcabcabcabc")).isFalse();
  }
}
