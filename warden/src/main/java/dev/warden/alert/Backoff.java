package dev.warden.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Waits between delivery attempts: {@code first × 2^(retry-1)}, capped at {@code max}, with jitter
 * (a random part of the upper half) so many gateways do not retry in step. A receiver's {@code
 * Retry-After} wins when it asks for longer, up to the same cap.
 */
record Backoff(Duration first, Duration max, RandomGenerator random) {

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry, Optional<Duration> retryAfter) {
    long cap = max.toMillis();
    long base = first.toMillis() << Math.min(retry - 1, 30);
    long upper = Math.min(cap, base < 0 ? cap : base);
    long jittered = upper / 2 + (upper <= 1 ? 0 : random.nextLong(upper - upper / 2 + 1));
    long asked = retryAfter.map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.min(cap, Math.max(jittered, asked)));
  }

  /**
   * A {@code Retry-After} value: delay seconds or an HTTP date; empty when absent or unreadable.
   */
  static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      }
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(now, at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
