package dev.warden.inspect;

/**
 * A number or code cut from the text by the engine's shape pass: {@code compact} is its characters
 * without separators (digits, or upper-cased letters and digits), {@code groups} how many groups
 * separators split it into and {@code separator} the one separator used (0 when a single group).
 */
public record Candidate(int start, int end, String compact, int[] groups, char separator) {
  /** Whether it was written with separators, e.g. {@code 123-45-6789}. */
  public boolean formatted() {
    return groups.length > 1;
  }

  /** Whether its groups have exactly these lengths. */
  public boolean grouped(int... lengths) {
    return java.util.Arrays.equals(groups, lengths);
  }
}
