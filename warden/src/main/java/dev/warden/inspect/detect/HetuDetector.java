package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.EuropeanIds;
import java.util.List;

/** Finnish HETU {@code DDMMYY-NNNC}: the date part arrives as a 6-digit candidate. */
final class HetuDetector implements Detector {
  @Override
  public List<String> types() {
    return List.of("FI_HETU");
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {6};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    int end = c.start() + 11;
    if (c.formatted() || end > text.length()) {
      return;
    }
    String value = text.text().substring(c.start(), end).toUpperCase(java.util.Locale.ROOT);
    boolean bounded = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    if (bounded && EuropeanIds.fiHetu(value)) {
      out.add(new Finding("FI_HETU", c.start(), end, Confidence.HIGH, Tags.GDPR_SOC2));
    }
  }
}
