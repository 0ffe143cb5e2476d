package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/**
 * A German social insurance number printed in its groups, {@code 65 170839 J 003}: the shape pass
 * cuts the digits before the letter, and the letter and serial are read after them. Written as one
 * word it is a letter-and-digit code, checked by the catalogue's DE_SOCIAL_INSURANCE.
 */
final class SpacedSocialInsuranceDetector implements Detector {
  /** The labels of a German social insurance number, also those of the catalogue's code form. */
  static final String[] LABELS = {
    "sozialversicherung",
    "rentenversicherung",
    "svnr",
    "sv nummer",
    "versicherungsnummer",
    "social insurance",
    "rvnr"
  };

  private static final Set<String> CONTEXT = Set.copyOf(Words.variants(LABELS));

  @Override
  public List<String> types() {
    return List.of("DE_SOCIAL_INSURANCE");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {8};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return separator == ' ' && groups.length == 2 && groups[0] == 2;
  }

  /**
   * Needs a context word, but looks for it up to the letter and serial after the candidate, past
   * the default window the engine's gate reads: so it is not declared as needing one, and examines
   * every candidate of its shape (they are rare) itself.
   */
  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (!c.grouped(2, 6) || c.separator() != ' ') {
      return;
    }
    // then " J 003", " J003" or " J 00 3"
    StringBuilder rest = new StringBuilder();
    int i = c.end();
    while (i < text.length() && i - c.end() < 9 && rest.length() < 4) {
      char ch = text.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        rest.append(Character.toUpperCase(ch));
      } else if (ch != ' ') {
        break;
      }
      i++;
    }
    boolean bounded = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
    String value = c.compact() + rest;
    if (bounded
        && Shapes.matches(value, "[0-9]{2}[0-3][0-9][01][0-9]{3}[A-Z][0-9]{3}")
        && text.near(CONTEXT, c.start(), i)) {
      out.add(new Finding("DE_SOCIAL_INSURANCE", c.start(), i, Confidence.MEDIUM, Tags.GDPR_SOC2));
    }
  }
}
