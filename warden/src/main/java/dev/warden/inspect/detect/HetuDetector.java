package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.EuropeanIds;
import java.util.List;

/**
 * Finnish HETU {@code DDMMYY-NNNC}. The shape pass cuts it in three ways: the date part alone
 * (before {@code +} or a letter check char), the dashed digits {@code 130551-0462} when the check
 * char is a digit, and one letter-and-digit word when the century sign is a letter ({@code
 * 220700A152B}); {@link Letters} takes the last.
 */
final class HetuDetector implements Detector {
  @Override
  public List<String> types() {
    return List.of("FI_HETU");
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {6, 10};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1
        ? groups[0] == 6
        : separator == '-' && groups.length == 2 && groups[0] == 6 && groups[1] == 4;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    boolean dashed = c.grouped(6, 4) && c.separator() == '-';
    if (c.formatted() && !dashed) {
      return;
    }
    report(text, c.start(), out);
  }

  static void report(ScanText text, int start, List<Finding> out) {
    int end = start + 11;
    if (end > text.length()) {
      return;
    }
    String value = text.text().substring(start, end).toUpperCase(java.util.Locale.ROOT);
    boolean bounded = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    if (bounded && EuropeanIds.fiHetu(value)) {
      out.add(new Finding("FI_HETU", start, end, Confidence.HIGH, Tags.GDPR_SOC2));
    }
  }

  /** The HETU of a 2000s birth, a century letter between the digits: one 11-char word. */
  static final class Letters implements Detector {
    @Override
    public List<String> types() {
      return List.of("FI_HETU");
    }

    @Override
    public boolean digitCandidates() {
      return false;
    }

    @Override
    public int[] candidateLengths() {
      return new int[] {11};
    }

    @Override
    public boolean examinesShape(int[] groups, char separator) {
      return groups.length == 1;
    }

    @Override
    public boolean examinesStartingWith(char first) {
      return first >= '0' && first <= '3'; // a day of the month
    }

    @Override
    public void examine(ScanText text, Candidate c, List<Finding> out) {
      if (!c.formatted()) {
        report(text, c.start(), out);
      }
    }
  }
}
