package dev.warden.inspect.detect;

import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;
import java.util.Set;

/**
 * An age of 90 or more written before its unit, the way prose says it: {@code 91 years old}, {@code
 * a 93-year-old patient}, {@code 95 Jahre alt}. HIPAA asks such ages to be aggregated to "90+".
 */
final class AgeDetector implements Detector {
  @Override
  public List<String> types() {
    return List.of("AGE_OVER_89");
  }

  @Override
  public List<String> keywords() {
    return List.of("years old", "year old", "year-old", "years-old", "jahre alt", "ans révolus");
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    int i = start;
    if (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '-')) {
      i--;
    }
    int digitsEnd = i;
    while (i > 0 && digitsEnd - i < 4 && Character.isDigit(text.charAt(i - 1))) {
      i--;
    }
    if (digitsEnd - i < 2 || digitsEnd - i > 3 || (i > 0 && !boundary(text.charAt(i - 1)))) {
      return;
    }
    int age = Integer.parseInt(text.text(), i, digitsEnd, 10);
    if (age >= 90 && age < 120) {
      out.add(new Finding("AGE_OVER_89", i, digitsEnd, Confidence.LOW, Set.of("HIPAA")));
    }
  }

  private static boolean boundary(char c) {
    return !Character.isLetterOrDigit(c) && c != '.' && c != ',';
  }
}
