package dev.warden.persona;

import java.util.List;

/**
 * A name pattern where {@code *} matches any run of characters (including none) and everything else
 * matches itself. Linear-time matching, no regular expressions.
 */
public final class NamePattern {
  private final String pattern;
  private final String[] parts;

  public NamePattern(String pattern) {
    this.pattern = pattern;
    this.parts = pattern.split("\\*", -1);
  }

  public boolean matches(String name) {
    if (parts.length == 1) {
      return name.equals(pattern);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (name.length() < first.length() + last.length()
        || !name.startsWith(first)
        || !name.endsWith(last)) {
      return false;
    }
    // Middle parts in order, greedily leftmost, between the fixed prefix and suffix.
    int from = first.length();
    int end = name.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      String part = parts[i];
      int at = name.indexOf(part, from);
      if (at < 0 || at + part.length() > end) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }

  /** True when any of {@code patterns} matches {@code name}. */
  public static boolean anyMatches(List<NamePattern> patterns, String name) {
    for (NamePattern p : patterns) {
      if (p.matches(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
