package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;

/**
 * A UK sort code written with its account number and no label: {@code 20-00-00 73849201}. The
 * account is the second signal the catalogue asks for; a labelled sort code alone is found from its
 * label.
 */
final class SortCodeDetector implements Detector {
  @Override
  public List<String> types() {
    return List.of("UK_SORT_CODE_ACCOUNT");
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {6};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return separator == '-' && groups.length == 3 && groups[0] == 2 && groups[1] == 2;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (!c.grouped(2, 2, 2) || c.separator() != '-') {
      return;
    }
    int i = c.end();
    if (i < text.length() && text.charAt(i) == ',') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ' ') {
      return;
    }
    int from = i + 1;
    int end = from;
    while (end < text.length() && end - from <= 8 && Character.isDigit(text.charAt(end))) {
      end++;
    }
    boolean bounded = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    if (end - from == 8
        && bounded
        && (c.start() == 0 || !digitOrDash(text.charAt(c.start() - 1)))) {
      out.add(
          new Finding("UK_SORT_CODE_ACCOUNT", c.start(), end, Confidence.MEDIUM, Tags.GDPR_SOC2));
    }
  }

  private static boolean digitOrDash(char c) {
    return Character.isDigit(c) || c == '-';
  }
}
