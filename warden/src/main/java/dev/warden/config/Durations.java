package dev.warden.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as the configuration writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code
 * 1h}, {@code 90d}.
 */
final class Durations {
  static final String FORMS =
      "expected a whole number with ms, s, m, h or d, such as 500ms, 30s, 5m, 1h, 90d";
  private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * The positive duration {@code text} stands for.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static Duration parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(FORMS);
    }
    long amount = Long.parseLong(m.group(1));
    if (amount == 0) {
      throw new IllegalArgumentException("must be greater than zero");
    }
    try {
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "d" -> Duration.ofDays(amount);
        default -> Duration.ofHours(amount);
      };
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too long");
    }
  }
}
