package dev.warden.inspect.normalize;

/**
 * Text after normalisation and the way back: {@code origin[i]} is the offset in the original text
 * of normalised char {@code i}; {@code origin[length]} is the original length. A null {@code
 * origin} means nothing changed.
 */
public record NormalizedText(String text, int[] origin) {
  /** Original offset of the start of normalised char {@code i}. */
  public int startOf(int i) {
    return origin == null ? i : origin[i];
  }

  /** Original offset just past normalised chars ending before {@code end}. */
  public int endOf(int end) {
    if (origin == null) {
      return end;
    }
    if (end == 0) {
      return origin[0];
    }
    // The end of the last char's source, which may span several original chars (an escape).
    int last = origin[end - 1];
    int following = origin[end];
    return Math.max(last + 1, following);
  }
}
