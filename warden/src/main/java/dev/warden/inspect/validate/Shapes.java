package dev.warden.inspect.validate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@link String#matches} without compiling the expression on every call: validators run on every
 * candidate of their length, so a compile per call was a large part of the scan time. Expressions
 * made of char classes and bounded repeats (all the validators' shapes) are matched by {@link
 * FixedShape}, a length look-up and a bit test per char; others by {@link java.util.regex}.
 */
public final class Shapes {
  private static final ConcurrentHashMap<String, Predicate<CharSequence>> CACHE =
      new ConcurrentHashMap<>();

  private Shapes() {}

  /**
   * Whether the whole of {@code s} matches {@code regex} (fixed, short, non-backtracking shapes).
   */
  public static boolean matches(String s, String regex) {
    return CACHE.computeIfAbsent(regex, Shapes::compile).test(s);
  }

  /**
   * The matcher {@link #matches} uses for {@code regex}: for a caller that holds it, without the
   * cache look-up.
   */
  public static Predicate<CharSequence> compile(String regex) {
    FixedShape fixed = FixedShape.compile(regex);
    if (fixed != null) {
      return fixed::matches;
    }
    Pattern pattern = Pattern.compile(regex);
    return s -> pattern.matcher(s).matches();
  }

  /**
   * Whether a value of {@code length} chars may be valid, told by its first {@code known} chars
   * (packed in {@code head}, one per byte from the lowest, as {@link
   * dev.warden.inspect.Detector#examinesHead} gets them): false only where it cannot.
   */
  @FunctionalInterface
  public interface HeadTest {
    boolean mayStart(long head, int known, int length);
  }

  /**
   * A test of the first chars of a string against {@code regex}: false only where no string of that
   * length starting so matches. For an expression not matched by hand, always true.
   */
  public static HeadTest heads(String regex) {
    FixedShape fixed = FixedShape.compile(regex);
    return fixed == null ? (head, known, length) -> true : fixed::mayStart;
  }

  /** Whether {@code regex} is matched without a regular expression engine. */
  public static boolean handWritten(String regex) {
    return FixedShape.compile(regex) != null;
  }
}
