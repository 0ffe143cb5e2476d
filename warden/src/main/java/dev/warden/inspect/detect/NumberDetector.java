package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.Shapes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A type recognised on digit or letter-and-digit candidates by its length, its usual grouping and a
 * validator (check digits, date parts, prefixes), with a {@link Policy} for when context is needed.
 *
 * @param shapes the accepted groupings ({@link #shapeOf(String)} of formats such as {@code "3-2-4"}
 *     or {@code "3 2 4"}: the separator between numbers is the one that must be used), or null for
 *     any grouping
 * @param first the upper-case chars a value can start with, as {@code valid} requires; empty for
 *     any
 * @param kinds the letters and digits a value can start with ({@link #firstKinds})
 * @param head what {@code valid} requires of a value's first chars ({@link #head}), or null
 */
public record NumberDetector(
    String type,
    Confidence confidence,
    Set<String> frameworks,
    boolean digits,
    int[] lengths,
    long[] shapes,
    Policy policy,
    Set<String> context,
    Predicate<String> valid,
    String first,
    int kinds,
    Shapes.HeadTest head)
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
        Arrays.stream(formats.split("\\|")).mapToLong(NumberDetector::shapeOf).toArray(),
        policy,
        Set.copyOf(Words.variants(context)),
        valid,
        "",
        ANY_KINDS,
        null);
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
        null,
        policy,
        Set.copyOf(Words.variants(context)),
        valid,
        "",
        ANY_KINDS,
        null);
  }

  /**
   * This detector, declaring that {@link #valid} accepts only values whose first char (upper-cased)
   * is one of {@code chars}, so that candidates starting otherwise are not handed to it.
   */
  public NumberDetector startingWith(String chars) {
    return with(chars, kinds, head);
  }

  /**
   * This detector, declaring that {@link #valid} accepts only values whose first four chars are of
   * these kinds: {@code A} a letter, {@code 9} a digit, {@code ?} either ({@code "AA99"}: a country
   * code, then check digits), so that codes starting otherwise are not handed to it.
   */
  public NumberDetector firstKinds(String kinds) {
    return with(first, kindsOf(kinds), head);
  }

  /**
   * This detector, declaring that {@link #valid} accepts only values whose first chars pass {@code
   * check} ({@link Detector#examinesHead}), so that candidates starting otherwise are not built for
   * it.
   */
  public NumberDetector head(Shapes.HeadTest check) {
    return with(first, kinds, check);
  }

  private NumberDetector with(String first, int kinds, Shapes.HeadTest head) {
    return new NumberDetector(
        type,
        confidence,
        frameworks,
        digits,
        lengths,
        shapes,
        policy,
        context,
        valid,
        first,
        kinds,
        head);
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
  public boolean examinesHead(long head, int known, int length) {
    return this.head == null || this.head.mayStart(head, known, length);
  }

  @Override
  public boolean readsHead() {
    return head != null;
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
    return groups.length == 1 || shapes == null || shaped(groups, separator);
  }

  @Override
  public boolean needsContext(int[] groups, char separator) {
    return policy == Policy.CONTEXT || (policy == Policy.FORMATTED && groups.length == 1);
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    boolean formatted = c.formatted();
    if (formatted && shapes != null && !shaped(c.groups(), c.separator())) {
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

  /** Whether the candidate's grouping is one of {@link #shapes}. */
  private boolean shaped(int[] groups, char separator) {
    long shape = shapeOf(groups, separator);
    for (long s : shapes) {
      if (s == shape) {
        return true;
      }
    }
    return false;
  }

  /**
   * A grouping as one long: the number of groups, the separator, each group's length in six bits (a
   * candidate has at most nine groups of at most 34 chars).
   */
  static long shapeOf(int[] groups, char separator) {
    if (groups.length > 9) {
      return -2; // no format's
    }
    long shape = (long) groups.length << 60 | (long) (separator & 0x3F) << 54;
    for (int g = 0; g < groups.length; g++) {
      shape |= (long) Math.min(groups[g], 63) << (6 * g);
    }
    return shape;
  }

  /**
   * {@link #shapeOf(int[], char)} of a format such as {@code "3-2-4"} (one separator of {@code "
   * -./"} between group lengths), or -1 where it is not written so: a length with a leading zero,
   * an empty group, two separators.
   */
  static long shapeOf(String format) {
    List<Integer> groups = new java.util.ArrayList<>();
    char separator = 0;
    int i = 0;
    while (i < format.length()) {
      int start = i;
      while (i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
        i++;
      }
      if (i == start || (i - start > 1 && format.charAt(start) == '0') || i - start > 2) {
        return -1;
      }
      groups.add(Integer.parseInt(format, start, i, 10));
      if (i < format.length()) {
        char c = format.charAt(i++);
        if (" -./".indexOf(c) < 0 || (separator != 0 && c != separator) || i == format.length()) {
          return -1;
        }
        separator = c;
      }
    }
    return shapeOf(groups.stream().mapToInt(Integer::intValue).toArray(), separator);
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
