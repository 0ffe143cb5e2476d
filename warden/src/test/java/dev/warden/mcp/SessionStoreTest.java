package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  final SessionTokensTest.MutableClock clock =
      new SessionTokensTest.MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  SessionTokens shared(Optional<Duration> maxAge) {
    return SessionTokens.from(
        SessionTokensTest.config(maxAge, "k1", SessionTokensTest.SECRET_1), clock);
  }

  SessionClaims claims(String agent, String persona) {
    return new SessionClaims(
        clock.instant(), agent, persona, "2025-11-25", Set.of(), "client", "1");
  }

  Session open(SessionStore store) {
    return store.open(claims("bot", "triage"), JsonNodeFactory.instance.objectNode());
  }

  @Test
  void anotherReplicaRebuildsTheSessionFromItsId() {
    SessionStore a = new SessionStore(Duration.ofMinutes(30), shared(Optional.empty()));
    SessionStore b = new SessionStore(Duration.ofMinutes(30), shared(Optional.empty()));
    Session opened = open(a);

    Session resumed = b.find(opened.id(), "bot", "triage").orElseThrow();
    assertThat(resumed).isNotSameAs(opened);
    assertThat(resumed.id()).isEqualTo(opened.id());
    assertThat(resumed.agent()).isEqualTo("bot");
    assertThat(resumed.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(resumed.clientInfo().path("name").asText()).isEqualTo("client");
    assertThat(b.find(opened.id(), "bot", "triage")).containsSame(resumed);
    assertThat(b.size()).isEqualTo(1);
  }

  @Test
  void anotherAgentOrPersonaFindsNothingAndLeavesNothingBehind() {
    SessionStore a = new SessionStore(Duration.ofMinutes(30), shared(Optional.empty()));
    SessionStore b = new SessionStore(Duration.ofMinutes(30), shared(Optional.empty()));
    Session opened = open(a);
    assertThat(b.find(opened.id(), "intruder", "triage")).isEmpty();
    assertThat(b.find(opened.id(), "bot", "admin")).isEmpty();
    assertThat(b.size()).isZero();
    assertThat(a.find(opened.id(), "intruder", "triage")).isEmpty();
    assertThat(a.find(opened.id(), "bot", "triage")).containsSame(opened);
  }

  @Test
  void withoutSharedKeysOnlySessionsHeldHereExist() {
    SessionStore a = new SessionStore(Duration.ofMinutes(30));
    Session opened = open(a);
    assertThat(a.find(opened.id(), "bot", "triage")).containsSame(opened);
    a.remove(opened);
    assertThat(a.find(opened.id(), "bot", "triage")).isEmpty();
    assertThat(new SessionStore(Duration.ofMinutes(30)).find(opened.id(), "bot", "triage"))
        .isEmpty();
  }

  @Test
  void anEndedSessionStaysEndedHereUntilItsIdExpires() {
    SessionStore a =
        new SessionStore(Duration.ofMinutes(30), shared(Optional.of(Duration.ofHours(2))));
    Session opened = open(a);
    a.remove(opened);
    assertThat(opened.isClosed()).isTrue();
    assertThat(a.find(opened.id(), "bot", "triage")).isEmpty();
    clock.advance(Duration.ofMinutes(119));
    a.expireIdle();
    assertThat(a.find(opened.id(), "bot", "triage")).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(a.find(opened.id(), "bot", "triage")).as("expired by max-age").isEmpty();
  }

  @Test
  void aHeldSessionPastMaxAgeIsClosed() {
    SessionStore a = new SessionStore(Duration.ofDays(1), shared(Optional.of(Duration.ofHours(1))));
    Session opened = open(a);
    clock.advance(Duration.ofMinutes(61));
    assertThat(a.find(opened.id(), "bot", "triage")).isEmpty();
    assertThat(opened.isClosed()).isTrue();
    assertThat(a.size()).isZero();
  }

  @Test
  void idlingOutFreesStateButWithSharedKeysTheIdStillWorks() throws Exception {
    SessionStore a = new SessionStore(Duration.ofMillis(1), shared(Optional.empty()));
    Session opened = open(a);
    Thread.sleep(5);
    assertThat(a.expireIdle()).isEqualTo(1);
    assertThat(opened.isClosed()).isTrue();
    Session again = a.find(opened.id(), "bot", "triage").orElseThrow();
    assertThat(again).isNotSameAs(opened);
    assertThat(again.isClosed()).isFalse();
  }
}
