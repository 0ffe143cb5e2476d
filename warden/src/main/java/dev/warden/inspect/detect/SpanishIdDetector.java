package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.EuropeanIds;
import java.util.List;
import java.util.Set;

/**
 * Spanish DNI and NIE as people write them, with a separator before the check letter: {@code
 * 12345678-Z}, {@code 12.345.678-Z}, {@code X-1234567-L}. (Written as one word they are
 * letter-and-digit codes, checked by the catalogue's ES_DNI_NIF and ES_NIE.) A space instead of the
 * dash counts only beside a DNI word.
 */
final class SpanishIdDetector implements Detector {
  private static final Set<String> CONTEXT =
      Set.copyOf(Words.variants("dni", "nif", "nie", "documento", "extranjero"));

  @Override
  public List<String> types() {
    return List.of("ES_DNI_NIF", "ES_NIE");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {7, 8};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1 || (separator == '.' && groups.length == 3 && groups[0] == 2);
  }

  @Override
  public boolean examinesFollowedBy(char next) {
    return next == '-' || next == ' ';
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    int end = c.end();
    if (end + 2 > text.length() || !Character.isLetter(text.charAt(end + 1))) {
      return;
    }
    char sep = text.charAt(end);
    char letter = Character.toUpperCase(text.charAt(end + 1));
    boolean bounded = end + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 2));
    if ((sep != '-' && sep != ' ') || !bounded) {
      return;
    }
    if (sep == ' ' && !text.near(CONTEXT, c.start(), end + 2)) {
      return;
    }
    String digits = c.compact();
    if (digits.length() == 8 && EuropeanIds.esDni(digits + letter)) {
      out.add(new Finding("ES_DNI_NIF", c.start(), end + 2, Confidence.HIGH, Tags.GDPR_SOC2));
    } else if (digits.length() == 7 && !c.formatted() && c.start() >= 2) {
      char prefix = Character.toUpperCase(text.charAt(c.start() - 2));
      char glue = text.charAt(c.start() - 1);
      boolean startsWord = c.start() == 2 || !Character.isLetterOrDigit(text.charAt(c.start() - 3));
      if ("XYZ".indexOf(prefix) >= 0
          && glue == sep
          && startsWord
          && EuropeanIds.esNie(prefix + digits + letter)) {
        out.add(new Finding("ES_NIE", c.start() - 2, end + 2, Confidence.HIGH, Tags.GDPR_SOC2));
      }
    }
  }
}
