package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.AsiaPacificIds;
import dev.warden.inspect.validate.Shapes;
import java.util.List;

/** Hong Kong identity card {@code A123456(7)}: the check digit may sit in brackets. */
final class HkidDetector implements Detector {
  private static final java.util.Set<String> CONTEXT =
      java.util.Set.copyOf(
          Words.variants("hkid", "hong kong", "identity card", "id card", "身份證", "身分證"));
  private static final Shapes.HeadTest HEAD = Shapes.heads(AsiaPacificIds.HKID_SHAPE);
  private static final int STARTS = NumberDetector.kindsOf("A?99"); // one or two letters, digits

  @Override
  public List<String> types() {
    return List.of("HK_HKID");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public boolean digitCandidates() {
    return false;
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {7, 8, 9};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1;
  }

  @Override
  public boolean examinesStartingWith(char first) {
    return Character.isLetter(first); // one or two letters first
  }

  @Override
  public boolean examinesLetters(int letters) {
    return (STARTS >> letters & 1) == 1;
  }

  /**
   * The HKID's shape, of the candidate's length or one more (its check digit in brackets after it).
   */
  @Override
  public boolean examinesHead(long head, int known, int length) {
    return HEAD.mayStart(head, known, length) || HEAD.mayStart(head, known, length + 1);
  }

  @Override
  public boolean readsHead() {
    return true;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (c.formatted()) {
      return;
    }
    String s = c.compact();
    int end = c.end();
    int open = end + 1 < text.length() && text.charAt(end) == ' ' ? end + 1 : end; // A123456 (3)
    if (open + 3 <= text.length() && text.charAt(open) == '(' && text.charAt(open + 2) == ')') {
      s = s + Character.toUpperCase(text.charAt(open + 1));
      end = open + 3;
    }
    // Without the bracketed check digit, an 8-char code is as often an invoice or part number.
    boolean bracketed = end != c.end();
    if (!bracketed && !text.near(CONTEXT, c.start(), c.end())) {
      return;
    }
    if (s.length() >= 8 && AsiaPacificIds.hkid(s)) {
      out.add(new Finding("HK_HKID", c.start(), end, Confidence.HIGH, Tags.GDPR_SOC2));
    }
  }
}
