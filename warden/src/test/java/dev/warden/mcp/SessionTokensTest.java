package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.Secret;
import dev.warden.config.SessionsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  static final String SECRET_1 = "Zq3v9x0Lr8TtXc2M1nY7bP4sKw6Hd5Fj0aUeGi9oRl3QyBmVhC";
  static final String SECRET_2 = "pA8dK2wQ7zN4vL1xR6tY3hB9mC5sF0gJ2eU7iO4kW8nZ1qT6yX";

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  final SessionClaims claims =
      new SessionClaims(
          clock.instant(),
          "triage-bot",
          "support-triage",
          "2025-11-25",
          Set.of("sampling", "roots"),
          "claude-code",
          "1.2.3");

  static SessionsConfig config(Optional<Duration> maxAge, String... idThenSecret) {
    List<SessionsConfig.Key> keys = new java.util.ArrayList<>();
    for (int i = 0; i < idThenSecret.length; i += 2) {
      keys.add(
          new SessionsConfig.Key(
              idThenSecret[i], Secret.of(idThenSecret[i + 1], "env:K" + (i / 2))));
    }
    return new SessionsConfig(keys, maxAge);
  }

  SessionTokens tokens(String... idThenSecret) {
    return SessionTokens.from(config(Optional.empty(), idThenSecret), clock);
  }

  @Test
  void opensWhatItSealed() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    String token = tokens.seal(claims);
    assertThat(tokens.open(token)).contains(claims);
    assertThat(tokens.shared()).isTrue();
  }

  @Test
  void carriesTheEndUserAsADigestAndStaysShort() {
    SessionClaims forAlice = claims.withUser("a".repeat(256));
    String token = tokens("k1", SECRET_1).seal(forAlice);
    assertThat(tokens("k1", SECRET_1).open(token)).contains(forAlice);
    assertThat(token).doesNotContain("aaaa");
    assertThat(token.length()).isLessThanOrEqualTo(128 + 24);
  }

  @Test
  void anotherReplicaWithTheSameKeyOpensIt() {
    String token = tokens("k1", SECRET_1).seal(claims);
    assertThat(tokens("k1", SECRET_1).open(token)).contains(claims);
  }

  @Test
  void everySealIsADifferentIdAndRevealsNothing() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    String a = tokens.seal(claims);
    String b = tokens.seal(claims);
    assertThat(a).isNotEqualTo(b);
    String decoded = new String(Base64.getUrlDecoder().decode(a), StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("triage-bot", "support-triage", "claude", "2025-11-25");
  }

  @Test
  void idsAreShortVisibleAsciiEvenWithTheLongestClaims() {
    String longest = "a".repeat(32);
    SessionClaims big =
        new SessionClaims(
            clock.instant(),
            longest,
            longest,
            "2025-11-25",
            Set.copyOf(SessionClaims.CAPABILITIES),
            "n".repeat(200),
            "v".repeat(200));
    String token = tokens("k" + "1".repeat(15), SECRET_1).seal(big);
    assertThat(token.length()).isLessThanOrEqualTo(250);
    assertThat(token.chars()).allMatch(c -> c >= 0x21 && c <= 0x7e);
    assertThat(tokens("k1", SECRET_1).seal(claims).length()).isEqualTo(128);
  }

  @Test
  void flippingAnyBitOfAnyByteIsRefused() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    byte[] bytes = Base64.getUrlDecoder().decode(tokens.seal(claims));
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] altered = bytes.clone();
        altered[i] ^= (byte) (1 << bit);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
        assertThat(tokens.open(token)).as("byte %d bit %d", i, bit).isEmpty();
      }
    }
  }

  @Test
  void changingAnyCharacterIsRefused() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    String token = tokens.seal(claims);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < token.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c != token.charAt(i)) {
          String altered = token.substring(0, i) + c + token.substring(i + 1);
          assertThat(tokens.open(altered)).as("char %d -> %s", i, c).isEmpty();
        }
      }
    }
    assertThat(tokens.open(token + "A")).isEmpty();
    assertThat(tokens.open(token.substring(0, token.length() - 1))).isEmpty();
  }

  @Test
  void aForeignKeyOrAPerProcessKeyIsRefused() {
    String token = tokens("k1", SECRET_1).seal(claims);
    assertThat(tokens("k1", SECRET_2).open(token)).isEmpty();
    assertThat(tokens("k2", SECRET_1).open(token)).isEmpty();
    assertThat(SessionTokens.local(Optional.empty(), clock).open(token)).isEmpty();
    SessionTokens local = SessionTokens.local(Optional.empty(), clock);
    assertThat(local.open(local.seal(claims))).contains(claims);
    assertThat(local.shared()).isFalse();
    assertThat(SessionTokens.local(Optional.empty(), clock).open(local.seal(claims))).isEmpty();
  }

  @Test
  void rotationSealsWithTheNewKeyAndStillOpensTheOld() {
    String old = tokens("k1", SECRET_1).seal(claims);
    SessionTokens rotated = tokens("k2", SECRET_2, "k1", SECRET_1);
    String fresh = rotated.seal(claims);
    assertThat(rotated.open(old)).contains(claims);
    assertThat(rotated.open(fresh)).contains(claims);
    assertThat(tokens("k1", SECRET_1).open(fresh)).isEmpty();
    assertThat(tokens("k2", SECRET_2).open(fresh)).contains(claims);
    assertThat(tokens("k2", SECRET_2).open(old)).as("k1 retired").isEmpty();
  }

  @Test
  void expiresAfterMaxAge() {
    SessionTokens tokens =
        SessionTokens.from(config(Optional.of(Duration.ofHours(1)), "k1", SECRET_1), clock);
    String token = tokens.seal(claims);
    clock.advance(Duration.ofMinutes(59));
    assertThat(tokens.open(token)).contains(claims);
    clock.advance(Duration.ofMinutes(2));
    assertThat(tokens.open(token)).isEmpty();
    assertThat(tokens.expiry(claims.issuedAt())).contains(claims.issuedAt().plusSeconds(3600));
  }

  @Test
  void refusesIdsIssuedFurtherInTheFutureThanClockSkew() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    SessionClaims soon = withIssuedAt(clock.instant().plus(Duration.ofMinutes(4)));
    SessionClaims later = withIssuedAt(clock.instant().plus(Duration.ofMinutes(6)));
    assertThat(tokens.open(tokens.seal(soon))).isPresent();
    assertThat(tokens.open(tokens.seal(later))).isEmpty();
  }

  @Test
  void refusesGarbage() {
    SessionTokens tokens = tokens("k1", SECRET_1);
    for (String junk :
        List.of("", "x", "not base64!", "AAAA", "A".repeat(600), "AQJrMQ", "a b", "====")) {
      assertThat(tokens.open(junk)).as(junk).isEmpty();
    }
  }

  @Test
  void derivesDistinctKeysPerIdAndSecret() {
    byte[] secret = SECRET_1.getBytes(StandardCharsets.UTF_8);
    assertThat(SessionTokens.derive("k1", secret)).hasSize(32);
    assertThat(SessionTokens.derive("k1", secret)).isEqualTo(SessionTokens.derive("k1", secret));
    assertThat(SessionTokens.derive("k1", secret)).isNotEqualTo(SessionTokens.derive("k2", secret));
  }

  @Test
  void claimsKeepCapabilitiesAndShortenClientInfo() throws Exception {
    var params =
        new ObjectMapper()
            .readTree(
                "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"elicitation\":{},"
                    + "\"experimental\":{}},\"clientInfo\":{\"name\":\"caf\u00e9-"
                    + "x".repeat(60)
                    + "\",\"version\":\"9\"}}");
    SessionClaims c = SessionClaims.of(clock.instant(), "a", "p", "2025-06-18", params);
    assertThat(c.clientCapabilities()).containsExactly("elicitation");
    assertThat(c.clientName()).startsWith("caf?-").hasSize(SessionClaims.MAX_CLIENT_NAME);
    assertThat(SessionClaims.decode(c.encode())).contains(c);
  }

  private SessionClaims withIssuedAt(Instant at) {
    return new SessionClaims(
        at,
        claims.agent(),
        claims.persona(),
        claims.protocolVersion(),
        claims.clientCapabilities(),
        claims.clientName(),
        claims.clientVersion());
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
