package dev.warden.inspect.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.CheckDigits;
import java.util.List;

/** Passport machine-readable zone (ICAO 9303 TD3): two 44-char lines with 7-3-1 check digits. */
final class MrzDetector implements Detector {
  private static final Pattern TD3 =
      Pattern.compile(
          "P[A-Z<][A-Z<]{3}[A-Z<]{39}\\s{1,2}([A-Z0-9<]{9})([0-9])[A-Z<]{3}([0-9]{6})([0-9])[MF<]([0-9]{6})([0-9])[A-Z0-9<]{14}[0-9<][0-9]");

  @Override
  public List<String> types() {
    return List.of("PASSPORT_MRZ");
  }

  @Override
  public List<String> keywords() {
    return List.of("p<");
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    int to = Math.min(text.length(), start + 92);
    Matcher m = TD3.matcher(text.text().substring(start, to));
    if (m.lookingAt()
        && CheckDigits.icao(m.group(1)) == m.group(2).charAt(0) - '0'
        && CheckDigits.icao(m.group(3)) == m.group(4).charAt(0) - '0'
        && CheckDigits.icao(m.group(5)) == m.group(6).charAt(0) - '0') {
      out.add(new Finding("PASSPORT_MRZ", start, start + m.end(), Confidence.HIGH, Tags.ID));
    }
  }
}
