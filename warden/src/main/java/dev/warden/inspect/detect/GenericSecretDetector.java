package dev.warden.inspect.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;

/**
 * A high-entropy value assigned to a key whose name says secret: {@code "api_key": "…"}, {@code
 * password=…}. The value must be 10–150 chars with Shannon entropy ≥ 3.5 bits, and not a
 * placeholder.
 */
final class GenericSecretDetector implements Detector {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^[A-Za-z0-9_.-]{0,24}[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;}{<>]{10,150})");

  @Override
  public List<String> types() {
    return List.of("GENERIC_SECRET_ASSIGNMENT");
  }

  @Override
  public List<String> keywords() {
    return List.of(
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "api_key",
        "apikey",
        "api-key",
        "access_key",
        "accesskey",
        "auth_key",
        "credential",
        "creds",
        "private_key",
        "client_secret");
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    Matcher m = ASSIGNMENT.matcher(text.text().substring(end, Math.min(text.length(), end + 200)));
    if (!m.lookingAt()) {
      return;
    }
    String value = m.group(1);
    if (entropy(value) >= 3.5
        && !Credentials.placeholder(value)
        && !value.contains("://")
        && value.chars().anyMatch(Character::isDigit)) {
      out.add(
          new Finding(
              "GENERIC_SECRET_ASSIGNMENT",
              end + m.start(1),
              end + m.end(1),
              Confidence.MEDIUM,
              Tags.SECRET));
    }
  }

  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return other > 0 ? h + 1 : h;
  }
}
