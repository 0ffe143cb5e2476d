package dev.warden.inspect.detect;

import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;
import java.util.Set;

/**
 * Email addresses, found from each {@code @}: a dot-atom local part (≤64) to the left, a domain of
 * LDH labels (each ≤63) with an alphabetic TLD to the right, total ≤254.
 */
final class EmailDetector implements Detector {
  private static final Set<String> TAGS = Set.of(Tags.GDPR, Tags.HIPAA, Tags.SOC2);

  @Override
  public List<String> types() {
    return List.of("EMAIL_ADDRESS");
  }

  @Override
  public List<String> keywords() {
    return List.of("@");
  }

  @Override
  public void atKeyword(ScanText text, int at, int afterAt, List<Finding> out) {
    String s = text.text();
    int start = at;
    while (start > 0 && at - start < 64 && isLocal(s.charAt(start - 1))) {
      start--;
    }
    while (start < at && s.charAt(start) == '.') {
      start++;
    }
    if (start == at || s.charAt(at - 1) == '.' || userinfo(s, start)) {
      return;
    }
    int end = afterAt;
    int labelStart = end;
    int lastDot = -1;
    while (end < s.length() && end - afterAt < 253) {
      char c = s.charAt(end);
      if (c == '.' && end > labelStart && end + 1 < s.length() && isLdh(s.charAt(end + 1))) {
        lastDot = end;
        labelStart = end + 1;
      } else if (!isLdh(c) || end - labelStart >= 63) {
        break;
      }
      end++;
    }
    if (lastDot < 0 || !tld(s, lastDot + 1, end) || s.charAt(end - 1) == '-') {
      return;
    }
    out.add(new Finding("EMAIL_ADDRESS", start, end, Confidence.HIGH, TAGS));
  }

  /**
   * Whether the local part at {@code start} is a URL's userinfo: {@code https://TOKEN@host}, {@code
   * redis://:password@host}, {@code https://user:password@host} hold no email address.
   */
  private static boolean userinfo(String s, int start) {
    int i = start;
    if (i > 0 && s.charAt(i - 1) == ':') {
      i--;
      while (i > 0 && start - i < 130 && s.charAt(i - 1) != '/' && s.charAt(i - 1) > ' ') {
        i--;
      }
    }
    return i >= 2 && s.charAt(i - 1) == '/' && s.charAt(i - 2) == '/';
  }

  private static boolean tld(String s, int from, int to) {
    if (to - from < 2 || to - from > 24) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return !FILE_TYPES.contains(s.substring(from, to).toLowerCase(java.util.Locale.ROOT));
  }

  /** Endings of file names, not top-level domains: {@code logo@2x.png}. */
  private static final Set<String> FILE_TYPES =
      Set.of("png", "jpg", "jpeg", "gif", "svg", "js", "css", "webp");

  private static boolean isLdh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isLocal(char c) {
    return isLdh(c) || c == '.' || c == '_' || c == '+' || c == '%' || c == '\'' && false;
  }
}
