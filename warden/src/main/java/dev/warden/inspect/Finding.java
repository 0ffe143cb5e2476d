package dev.warden.inspect;

import java.util.Objects;
import java.util.Set;

/**
 * One detected value: its type id from the catalogue, its span {@code [start, end)} in char offsets
 * of the original text (before any normalisation), how reliable it is, and the compliance
 * frameworks it concerns. A finding never holds the value itself.
 */
public record Finding(
    String type, int start, int end, Confidence confidence, Set<String> frameworks) {
  public Finding {
    Objects.requireNonNull(type);
    Objects.requireNonNull(confidence);
    frameworks = Set.copyOf(frameworks);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The same finding with its span moved to {@code [start, end)}. */
  public Finding at(int newStart, int newEnd) {
    return new Finding(type, newStart, newEnd, confidence, frameworks);
  }

  public int length() {
    return end - start;
  }
}
