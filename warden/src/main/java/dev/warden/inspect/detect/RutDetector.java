package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.AmericanIds;
import java.util.List;
import java.util.Set;

/**
 * Chilean RUT {@code 12.345.678-5} or {@code 12.345.678-K}: body digits, dash, check char. Written
 * without dots ({@code 12345678-5}) it is a dashed number like many others, reported only beside a
 * RUT word.
 */
final class RutDetector implements Detector {
  private static final Set<String> CONTEXT = Set.of("rut", "run:", "rol unico", "rol único");

  @Override
  public List<String> types() {
    return List.of("CL_RUT");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {7, 8, 9};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    if (groups.length == 1) {
      return true; // the body of a K check char, 12345678-K
    }
    return separator == '.' || (separator == '-' && groups.length == 2 && groups[1] == 1);
  }

  @Override
  public boolean examinesFollowedBy(char next) {
    return next == '-';
  }

  @Override
  public boolean needsContext(int[] groups, char separator) {
    return separator != '.';
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    int[] g = c.groups();
    boolean dotted = c.formatted() && c.separator() == '.';
    if (!dotted && !text.near(CONTEXT, c.start(), c.end())) {
      return;
    }
    String s = c.compact();
    int end = c.end();
    String body;
    char dv;
    if (g[g.length - 1] == 1 && text.charAt(end - 2) == '-') {
      body = s.substring(0, s.length() - 1);
      dv = s.charAt(s.length() - 1);
    } else if (end + 2 <= text.length()
        && text.charAt(end) == '-'
        && Character.toUpperCase(text.charAt(end + 1)) == 'K'
        && (end + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 2)))) {
      body = s;
      dv = 'K';
      end += 2;
    } else {
      return;
    }
    if (body.length() >= 7 && AmericanIds.clRut(body, dv)) {
      out.add(new Finding("CL_RUT", c.start(), end, Confidence.HIGH, Tags.GDPR_SOC2));
    }
  }
}
