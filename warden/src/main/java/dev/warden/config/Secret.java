package dev.warden.config;

import java.util.Objects;

/**
 * A value brought in through {@code ${env:…}} or {@code ${file:…}}. It never prints itself: {@link
 * #toString()} names only where it came from, so a config record can be logged or shown whole.
 */
public final class Secret {
  private final String value;
  private final String origin;

  private Secret(String value, String origin) {
    this.value = Objects.requireNonNull(value);
    this.origin = Objects.requireNonNull(origin);
  }

  /**
   * A secret read from {@code origin}: a bare reference such as {@code env:TICKETS_TOKEN}, or the
   * template it was embedded in, such as {@code Bearer ${env:TICKETS_TOKEN}}.
   */
  public static Secret of(String value, String origin) {
    return new Secret(value, origin);
  }

  /** A literal from the file itself, for values that are not secret (a header like X-Team: a). */
  public static Secret literal(String value) {
    return new Secret(value, "literal");
  }

  /**
   * The secret value; call only where it leaves for its destination (an upstream header, a hash).
   */
  public String reveal() {
    return value;
  }

  public String origin() {
    return origin;
  }

  public boolean isLiteral() {
    return origin.equals("literal");
  }

  @Override
  public String toString() {
    if (isLiteral()) {
      return value;
    }
    // Print what the file says: a template already reads as written, a bare reference gets ${…}.
    return origin.contains("${") ? origin : "${" + origin + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value) && s.origin.equals(origin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, origin);
  }
}
