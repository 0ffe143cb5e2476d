package dev.warden.inspect.validate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link String#matches} without compiling the expression on every call: validators run on every
 * candidate of their length, so a compile per call was a large part of the scan time.
 */
public final class Shapes {
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Shapes() {}

  /**
   * Whether the whole of {@code s} matches {@code regex} (fixed, short, non-backtracking shapes).
   */
  public static boolean matches(String s, String regex) {
    return CACHE.computeIfAbsent(regex, Pattern::compile).matcher(s).matches();
  }
}
