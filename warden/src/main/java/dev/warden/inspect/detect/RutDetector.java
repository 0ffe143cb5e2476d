package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.AmericanIds;
import java.util.List;

/** Chilean RUT {@code 12.345.678-5} or {@code 12.345.678-K}: body digits, dash, check char. */
final class RutDetector implements Detector {
  @Override
  public List<String> types() {
    return List.of("CL_RUT");
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {7, 8, 9};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length > 1 && separator == '.';
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (!c.formatted() || c.separator() != '.') {
      return;
    }
    int[] g = c.groups();
    String s = c.compact();
    int end = c.end();
    String body;
    char dv;
    if (g[g.length - 1] == 1 && text.charAt(end - 2) == '-') {
      body = s.substring(0, s.length() - 1);
      dv = s.charAt(s.length() - 1);
    } else if (end + 2 <= text.length()
        && text.charAt(end) == '-'
        && Character.toUpperCase(text.charAt(end + 1)) == 'K') {
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
