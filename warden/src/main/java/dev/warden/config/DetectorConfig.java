package dev.warden.config;

import java.util.List;

/**
 * One custom sensitive-data detector from {@code detectors:}. Its id is the type it reports; ids
 * are kebab-case, so they never clash with the upper-case built-in types ({@code CARD_VISA}).
 *
 * @param pattern an RE2 expression (kind {@code regex}), checked to compile at load time
 * @param words whole words matched case-insensitively (kind {@code dictionary})
 * @param context when not empty, a match counts only with one of these words near it
 */
public record DetectorConfig(
    String id,
    Kind kind,
    String pattern,
    List<String> words,
    Validator validator,
    List<String> context,
    Confidence confidence,
    List<String> frameworks) {

  /** How a detector finds values. */
  public enum Kind {
    REGEX,
    DICTIONARY
  }

  /** A check-digit rule applied to the digits of a match. */
  public enum Validator {
    NONE,
    LUHN,
    MOD97,
    VERHOEFF
  }

  /** How reliable a match is; mirrors the engine's confidence tiers. */
  public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }

  public DetectorConfig {
    words = List.copyOf(words);
    context = List.copyOf(context);
    frameworks = List.copyOf(frameworks);
  }
}
