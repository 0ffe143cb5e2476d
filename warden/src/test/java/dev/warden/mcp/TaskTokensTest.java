package dev.warden.mcp;

import static dev.warden.mcp.SessionTokensTest.SECRET_1;
import static dev.warden.mcp.SessionTokensTest.SECRET_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Task ids handed to 2026-07-28 clients: sealed {@link TaskClaims}. */
class TaskTokensTest {
  final SessionTokensTest.MutableClock clock =
      new SessionTokensTest.MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  final TaskClaims claims =
      new TaskClaims(clock.instant(), "triage-bot", "support", "jobs", "jobs__slow", "t-1");

  SessionTokens tokens(Optional<Duration> maxAge, String... idThenSecret) {
    return SessionTokens.from(SessionTokensTest.config(maxAge, idThenSecret), clock);
  }

  @Test
  void opensWhatItSealedOnAnyReplicaWithTheKey() {
    String id = tokens(Optional.empty(), "k1", SECRET_1).sealTask(claims);
    assertThat(tokens(Optional.empty(), "k1", SECRET_1).openTask(id)).contains(claims);
    assertThat(tokens(Optional.empty(), "k0", SECRET_2, "k1", SECRET_1).openTask(id))
        .contains(claims);
  }

  @Test
  void carriesNothingReadable() {
    String id = tokens(Optional.empty(), "k1", SECRET_1).sealTask(claims);
    String decoded =
        new String(Base64.getUrlDecoder().decode(id), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("t-1").doesNotContain("triage-bot").doesNotContain("jobs");
  }

  @Test
  void refusesEveryAlteredByte() {
    SessionTokens tokens = tokens(Optional.empty(), "k1", SECRET_1);
    byte[] bytes = Base64.getUrlDecoder().decode(tokens.sealTask(claims));
    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 0x01;
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
      assertThat(tokens.openTask(id)).as("byte " + i).isEmpty();
    }
  }

  @Test
  void refusesAnotherKeyAndGarbage() {
    String id = tokens(Optional.empty(), "k1", SECRET_1).sealTask(claims);
    SessionTokens other = tokens(Optional.empty(), "k1", SECRET_2);
    assertThat(other.openTask(id)).isEmpty();
    SessionTokens local = SessionTokens.local(Optional.empty(), clock);
    assertThat(local.openTask(id)).isEmpty();
    for (String junk : new String[] {"", "t-1", "jobs.dC0x", "!!!!", "a".repeat(5000)}) {
      assertThat(other.openTask(junk)).as(junk).isEmpty();
    }
  }

  @Test
  void aSessionIdIsNoTaskIdAndATaskIdNoSessionId() {
    SessionTokens tokens = tokens(Optional.empty(), "k1", SECRET_1);
    String session =
        tokens.seal(
            new SessionClaims(
                clock.instant(), "triage-bot", "support", "2025-11-25", Set.of(), "c", "1"));
    assertThat(tokens.openTask(session)).isEmpty();
    assertThat(tokens.open(tokens.sealTask(claims))).isEmpty();
  }

  @Test
  void outlivesTheSessionMaxAgeButNotAFutureIssue() {
    SessionTokens tokens = tokens(Optional.of(Duration.ofMinutes(10)), "k1", SECRET_1);
    String id = tokens.sealTask(claims);
    clock.advance(Duration.ofHours(2));
    assertThat(tokens.openTask(id)).contains(claims);

    TaskClaims future =
        new TaskClaims(clock.instant().plus(Duration.ofHours(1)), "a", "p", "s", "s__t", "u");
    assertThat(tokens.openTask(tokens.sealTask(future))).isEmpty();
  }

  @Test
  void sealsLongUpstreamIdsUpToTheLimit() {
    SessionTokens tokens = tokens(Optional.empty(), "k1", SECRET_1);
    TaskClaims longest =
        new TaskClaims(
            clock.instant(), "a", "p", "s", "s__t", "x".repeat(TaskClaims.MAX_UPSTREAM_ID));
    assertThat(tokens.openTask(tokens.sealTask(longest))).contains(longest);
    TaskClaims tooLong =
        new TaskClaims(
            clock.instant(), "a", "p", "s", "s__t", "x".repeat(TaskClaims.MAX_UPSTREAM_ID + 1));
    assertThatThrownBy(() -> tokens.sealTask(tooLong)).isInstanceOf(IllegalArgumentException.class);
  }
}
