package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A type recognised on digit or letter-and-digit candidates by its length, its usual grouping and a
 * validator (check digits, date parts, prefixes), with a {@link Policy} for when context is needed.
 *
 * @param formats the accepted groupings, e.g. {@code "3-2-4"} or {@code "3 2 4"}; the separator
 *     between numbers is the one that must be used
 * @param first the upper-case chars a value can start with, as {@code valid} requires; empty for
 *     any
 */
public record NumberDetector(
    String type,
    Confidence confidence,
    Set<String> frameworks,
    boolean digits,
    int[] lengths,
    List<String> formats,
    Policy policy,
    Set<String> context,
    Predicate<String> valid,
    String first,
    int kinds)
    implements Detector {
  /** Upper-case letters, for {@link #startingWith}. */
  public static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** A digit type. */
  public static NumberDetector digits(
      String type,
      Confidence conf,
      Set<String> fw,
      Policy policy,
      String formats,
      Predicate<String> valid,
      String... context) {
    return new NumberDetector(
        type,
        conf,
        fw,
        true,
        lengthsOf(formats),
        List.of(formats.split("\\|")),
        policy,
        Set.copyOf(Words.variants(context)),
        valid,
        "",
        ANY_KINDS);
  }

  /** A letter-and-digit type of the given lengths; spaced groups are accepted too. */
  public static NumberDetector codes(
      String type,
      Confidence conf,
      Set<String> fw,
      Policy policy,
      int[] lengths,
      Predicate<String> valid,
      String... context) {
    return new NumberDetector(
        type,
        conf,
        fw,
        false,
        lengths,
        List.of("*"),
        policy,
        Set.copyOf(Words.variants(context)),
        valid,
        "",
        ANY_KINDS);
  }

  /**
   * This detector, declaring that {@link #valid} accepts only values whose first char (upper-cased)
   * is one of {@code chars}, so that candidates starting otherwise are not handed to it.
   */
  public NumberDetector startingWith(String chars) {
    return new NumberDetector(
        type,
        confidence,
        frameworks,
        digits,
        lengths,
        formats,
        policy,
        context,
        valid,
        chars,
        kinds);
  }

  /**
   * This detector, declaring that {@link #valid} accepts only values whose first four chars are of
   * these kinds: {@code A} a letter, {@code 9} a digit, {@code ?} either ({@code "AA99"}: a country
   * code, then check digits), so that codes starting otherwise are not handed to it.
   */
  public NumberDetector firstKinds(String kinds) {
    return new NumberDetector(
        type,
        confidence,
        frameworks,
        digits,
        lengths,
        formats,
        policy,
        context,
        valid,
        first,
        kindsOf(kinds));
  }

  /** Every start of letters and digits, as {@link #kindsOf} writes sets of them. */
  static final int ANY_KINDS = 0xFFFF;

  /**
   * The starts {@code kinds} ({@code A} a letter, {@code 9} a digit, {@code ?} either, for each of
   * the first four chars) allows, as a set of {@link Detector#examinesLetters} arguments: bit
   * {@code letters} set for each.
   */
  static int kindsOf(String kinds) {
    if (!kinds.matches("[A9?]{4}")) {
      throw new IllegalArgumentException("four of A, 9 and ?: " + kinds);
    }
    int set = 0;
    for (int letters = 0; letters < 16; letters++) {
      boolean fits = true;
      for (int i = 0; i < 4; i++) {
        char k = kinds.charAt(i);
        fits &= k == '?' || (k == 'A') == ((letters >> i & 1) == 1);
      }
      set |= fits ? 1 << letters : 0;
    }
    return set;
  }

  @Override
  public boolean examinesStartingWith(char c) {
    return first.isEmpty() || first.indexOf(Character.toUpperCase(c)) >= 0;
  }

  @Override
  public boolean examinesLetters(int letters) {
    return (kinds >> letters & 1) == 1;
  }

  @Override
  public List<String> types() {
    return List.of(type);
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(context);
  }

  @Override
  public int[] candidateLengths() {
    return lengths;
  }

  @Override
  public boolean digitCandidates() {
    return digits;
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1 || formats.contains("*") || shaped(groups, separator);
  }

  @Override
  public boolean needsContext(int[] groups, char separator) {
    return policy == Policy.CONTEXT || (policy == Policy.FORMATTED && groups.length == 1);
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    boolean formatted = c.formatted();
    if (formatted && !formats.contains("*") && !shaped(c.groups(), c.separator())) {
      return;
    }
    boolean needContext = policy == Policy.CONTEXT || (policy == Policy.FORMATTED && !formatted);
    if (needContext && !text.near(context, c.start(), c.end())) {
      return;
    }
    if (valid.test(c.compact())) {
      out.add(new Finding(type, c.start(), c.end(), confidence, frameworks));
    }
  }

  /** Whether the candidate's grouping is one of {@link #formats}, as {@code shape(c)} would say. */
  private boolean shaped(int[] groups, char separator) {
    for (String f : formats) {
      if (sameShape(f, groups, separator)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code format} (e.g. {@code "3-2-4"}) reads exactly as {@code shape(c)}. */
  static boolean sameShape(String format, Candidate c) {
    return sameShape(format, c.groups(), c.separator());
  }

  private static boolean sameShape(String format, int[] groups, char separator) {
    int i = 0;
    int n = format.length();
    for (int g = 0; g < groups.length; g++) {
      if (g > 0) {
        if (i >= n || format.charAt(i) != separator) {
          return false;
        }
        i++;
      }
      int value = 0;
      int start = i;
      while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
        value = value * 10 + format.charAt(i) - '0';
        i++;
      }
      if (i == start || value != groups[g] || (i - start > 1 && format.charAt(start) == '0')) {
        return false;
      }
    }
    return i == n;
  }

  static String shape(Candidate c) {
    StringBuilder b = new StringBuilder();
    for (int g : c.groups()) {
      if (!b.isEmpty()) {
        b.append(c.separator());
      }
      b.append(g);
    }
    return b.toString();
  }

  private static int[] lengthsOf(String formats) {
    return Arrays.stream(formats.split("\\|"))
        .mapToInt(f -> Arrays.stream(f.split("[- ./]")).mapToInt(Integer::parseInt).sum())
        .distinct()
        .toArray();
  }
}
