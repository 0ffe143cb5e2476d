package dev.warden.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(7));

  @Test
  void doublesPerRetryWithJitterInTheUpperHalfAndStopsAtTheCap() {
    for (int retry = 1; retry <= 40; retry++) {
      long upper = Math.min(2000, 100L << Math.min(retry - 1, 30));
      for (int i = 0; i < 50; i++) {
        long d = backoff.delay(retry, Optional.empty()).toMillis();
        assertThat(d).isBetween(upper / 2, upper);
      }
    }
  }

  @Test
  void retryAfterWinsWhenLongerButNotPastTheCap() {
    assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(1))))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-05-04T10:15:30Z");
    assertThat(Backoff.retryAfter("120", now)).contains(Duration.ofSeconds(120));
    assertThat(Backoff.retryAfter("Mon, 04 May 2026 10:16:00 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(Backoff.retryAfter("Mon, 04 May 2026 10:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("soon", now)).isEmpty();
    assertThat(Backoff.retryAfter(null, now)).isEmpty();
  }
}
