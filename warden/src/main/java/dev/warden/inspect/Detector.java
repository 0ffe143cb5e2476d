package dev.warden.inspect;

import java.util.List;

/**
 * Finds one family of sensitive values. A detector runs only where it can match: at an occurrence
 * of one of its {@link #keywords()} (found by the engine's one Aho–Corasick pass), or on the number
 * and code-like {@link Candidate}s the engine's shape pass cuts from the text. Implementations are
 * immutable and thread-safe.
 */
public interface Detector {
  /** The type ids this detector reports. */
  List<String> types();

  /** Lower-case ASCII words at whose occurrence {@link #atKeyword} runs. */
  default List<String> keywords() {
    return List.of();
  }

  /** Lower-case ASCII words that count as context near a candidate (see {@link ScanText}). */
  default List<String> contextWords() {
    return List.of();
  }

  /** Called once for each occurrence of a keyword at {@code [start, end)} of the text. */
  default void atKeyword(ScanText text, int start, int end, List<Finding> out) {}

  /** Candidate lengths (compact, separators removed) this detector examines; none by default. */
  default int[] candidateLengths() {
    return new int[0];
  }

  /** Whether it examines digit-only candidates (true) or letter-and-digit ones (false). */
  default boolean digitCandidates() {
    return true;
  }

  /**
   * Whether it examines candidates grouped like this: {@code groups} the lengths of the groups,
   * {@code separator} the one separator between them (0 for a single group). The engine asks once
   * per grouping and skips the detector for candidates it would ignore by their grouping alone, so
   * this must answer false only where {@link #examine} would find nothing whatever the characters.
   */
  default boolean examinesShape(int[] groups, char separator) {
    return true;
  }

  /**
   * Whether it examines a single-group candidate directly followed by {@code next}: {@code (char)
   * 0} where the text ends, {@code '\u0080'} standing for every non-ASCII char. Like {@link
   * #examinesShape}, false only where {@link #examine} would find nothing whatever the characters.
   */
  default boolean examinesFollowedBy(char next) {
    return true;
  }

  /**
   * Whether it examines a single-group candidate directly preceded by {@code previous}: {@code
   * (char) 0} where the text starts, {@code '\u0080'} standing for every non-ASCII char. False only
   * where {@link #examine} would find nothing whatever the characters.
   */
  default boolean examinesPrecededBy(char previous) {
    return true;
  }

  /**
   * Whether it examines a candidate whose first char, as written in the text, is {@code first} (a
   * digit, or a letter of either case). False only where {@link #examine} would find nothing
   * whatever the other characters.
   */
  default boolean examinesStartingWith(char first) {
    return true;
  }

  /**
   * Whether it examines a letter-and-digit candidate of four chars or more whose compact form
   * starts with letters where {@code letters} has a bit set and digits where it has none: bit 0 for
   * the first char, up to bit 3 for the fourth (a UUID part {@code 3f2a9c1b} is {@code 0b0110}).
   * False only where {@link #examine} would find nothing whatever the other characters.
   */
  default boolean examinesLetters(int letters) {
    return true;
  }

  /**
   * Whether {@link #examine} finds nothing in a candidate grouped like this unless one of {@link
   * #contextWords()} starts in {@link ScanText#near}'s default window around it (from {@link
   * ScanText#CONTEXT_BEFORE} before its start to {@link ScanText#CONTEXT_AFTER} after its end). The
   * engine skips the detector for such candidates where no context word starts in that window.
   */
  default boolean needsContext(int[] groups, char separator) {
    return false;
  }

  /**
   * A look at a candidate before it is built, for a detector that can refuse most candidates by
   * their first chars (a country code, a date): false where {@link #examine} finds nothing in a
   * candidate of {@code length} chars (compact) whose first {@code known} letters and digits, those
   * of its first group up to eight, are {@code head} ({@link Head}). Asked only of a detector whose
   * {@link #readsHead} is true.
   */
  default boolean examinesHead(long head, int known, int length) {
    return true;
  }

  /** Whether {@link #examinesHead} may refuse a candidate. */
  default boolean readsHead() {
    return false;
  }

  /** Examines one candidate of a length it asked for. */
  default void examine(ScanText text, Candidate candidate, List<Finding> out) {}

  /**
   * Whether {@link #scanText} should run over the whole text: for configured patterns that have no
   * keyword to anchor on. Built-in detectors never do, it costs a pass per detector.
   */
  default boolean wholeText() {
    return false;
  }

  /** Scans the whole text; called once per scan when {@link #wholeText()} is true. */
  default void scanText(ScanText text, List<Finding> out) {}
}
