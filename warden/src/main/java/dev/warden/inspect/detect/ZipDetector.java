package dev.warden.inspect.detect;

import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A US ZIP code where an address line ends: {@code San Francisco, CA 94103}, the state's two
 * capitals between a comma and the code standing for the context word.
 */
final class ZipDetector implements Detector {
  private static final String STATES =
      "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ"
          + " NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY";

  @Override
  public List<String> types() {
    return List.of("US_ZIP");
  }

  @Override
  public List<String> keywords() {
    List<String> words = new ArrayList<>();
    for (String state : STATES.split(" ")) {
      words.add(", " + state.toLowerCase(java.util.Locale.ROOT) + " ");
    }
    return words;
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    if (start == 0
        || !Character.isLetter(text.charAt(start - 1))
        || !Character.isUpperCase(text.charAt(start + 2))
        || !Character.isUpperCase(text.charAt(start + 3))) {
      return; // a city, then the state in capitals: not ", in 2019" or ", or 12345"
    }
    int e = digits(text, end, 5);
    if (e < 0) {
      return;
    }
    if (e + 5 <= text.length() && text.charAt(e) == '-' && digits(text, e + 1, 4) > 0) {
      e += 5;
    }
    if (e < text.length() && Character.isLetterOrDigit(text.charAt(e))) {
      return;
    }
    out.add(new Finding("US_ZIP", end, e, Confidence.LOW, Set.of(Tags.HIPAA, Tags.GDPR)));
  }

  /** The end of exactly {@code n} digits at {@code from}, or -1. */
  private static int digits(ScanText text, int from, int n) {
    if (from + n > text.length()) {
      return -1;
    }
    for (int i = from; i < from + n; i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return -1;
      }
    }
    return from + n < text.length() && Character.isDigit(text.charAt(from + n)) ? -1 : from + n;
  }
}
