package dev.warden.inspect.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/**
 * Network identifiers: IPv4 (from dotted digit candidates), IPv6 and MAC addresses (from a colon
 * after a hex group), URLs that carry a query string, and hosts under internal suffixes.
 */
final class NetworkDetector implements Detector {
  private static final Set<String> VERSION_WORDS = Set.of("version", "ver");

  private static final Set<String> TAGS = Set.of(Tags.GDPR, Tags.HIPAA, Tags.SOC2);
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?|::(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:?(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}");
  private static final Pattern MAC_RE2 =
      Pattern.compile("(?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}|(?:[0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}");
  private static final Pattern URL =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\\s\"'<>\\\\]{3,1000}");
  // A URL is reported when its query carries data: credentials, codes, personal values.
  private static final Pattern SENSITIVE_QUERY =
      Pattern.compile(
          "(?i)[?&;](?:[a-z_]*(?:token|secret|passw|pwd|auth|session|sig|apikey|api_key|key|code"
              + "|email|ssn|dob|phone|user|account)[a-z_]*)=[^&\\s]{3,}");
  private static final Pattern HOST =
      Pattern.compile(
          "[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:internal|corp|local|intranet|lan|svc\\.cluster\\.local)\\b");

  @Override
  public List<String> types() {
    return List.of("IPV4_ADDRESS", "IPV6_ADDRESS", "MAC_ADDRESS", "URL", "INTERNAL_HOSTNAME");
  }

  @Override
  public List<String> keywords() {
    return List.of("://", ".internal", ".corp", ".local", ".intranet", ".lan", "::");
  }

  @Override
  public List<String> contextWords() {
    return List.of("version", "ver");
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1 || (groups.length == 4 && separator == '.');
  }

  @Override
  public boolean examinesFollowedBy(char next) {
    return next == ':'; // a single group is read only as the start of a colon run
  }

  @Override
  public boolean examinesPrecededBy(char previous) {
    return !startsNoRun(previous);
  }

  /**
   * Whether a colon run is never read after this char: an ASCII hex digit or a colon (the run
   * started earlier), or a plus (a time zone offset, {@code +02:00}, not an address).
   */
  static boolean startsNoRun(char previous) {
    return previous == '+' || (previous < 128 && isHexOrColon(previous));
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (c.groups().length == 1 && c.end() < text.length() && text.charAt(c.end()) == ':') {
      colonRun(text, c.start(), out);
      return;
    }
    if (c.groups().length != 4 || c.separator() != '.') {
      return;
    }
    String digits = c.compact();
    int at = 0;
    for (int length : c.groups()) {
      if (length > 3 || (length > 1 && digits.charAt(at) == '0')) {
        return;
      }
      int octet = 0;
      for (int k = at; k < at + length; k++) {
        octet = octet * 10 + digits.charAt(k) - '0';
      }
      if (octet > 255) {
        return;
      }
      at += length;
    }
    boolean versionLike =
        (c.start() > 0 && Character.toLowerCase(text.charAt(c.start() - 1)) == 'v')
            || text.nearWholeWord(VERSION_WORDS, c.start(), c.end());
    if (!versionLike) {
      out.add(new Finding("IPV4_ADDRESS", c.start(), c.end(), Confidence.MEDIUM, TAGS));
    }
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    String kw = text.text().substring(start, end);
    if (kw.equals("::")) {
      int from = start;
      while (from > 0 && start - from < 40 && isHexOrColon(text.charAt(from - 1))) {
        from--;
      }
      // A group starting with a digit is read by the candidate path; "::1" and "fe80::1" here.
      if (from == start || !Character.isDigit(text.charAt(from))) {
        ipv6(text, from, out);
      }
      return;
    }
    int from = Math.max(0, start - (kw.equals("://") ? 16 : 200));
    int to = Math.min(text.length(), end + 2000);
    Matcher m = (kw.equals("://") ? URL : HOST).matcher(text.text().substring(from, to));
    while (m.find()) {
      if (from + m.start() <= start && from + m.end() >= end) {
        String v = m.group();
        if (kw.equals("://")) {
          if (SENSITIVE_QUERY.matcher(v).find()) {
            out.add(new Finding("URL", from + m.start(), from + m.end(), Confidence.MEDIUM, TAGS));
          }
        } else if (!continuesHost(text, from + m.end())) {
          out.add(
              new Finding(
                  "INTERNAL_HOSTNAME",
                  from + m.start(),
                  from + m.end(),
                  Confidence.MEDIUM,
                  Set.of(Tags.SOC2)));
        }
        return;
      }
    }
  }

  /** Whether a host name goes on at {@code i}: "intranet" in intranet-share.net is no suffix. */
  private static boolean continuesHost(ScanText text, int i) {
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '-'
        || (c == '.' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)));
  }

  void colonRun(ScanText text, int start, List<Finding> out) {
    if (start > 0 && (text.charAt(start - 1) == '+' || isHexOrColon(text.charAt(start - 1)))) {
      return;
    }
    if (!addressLike(text, start)) {
      return; // a clock time (10:30:00), a ratio, a port: not worth the expressions
    }
    Matcher mac =
        MAC_RE2.matcher(text.text().substring(start, Math.min(text.length(), start + 17)));
    if (mac.lookingAt() && boundary(text, start + mac.end())) {
      String v = mac.group().toLowerCase(java.util.Locale.ROOT);
      if (!v.equals("00:00:00:00:00:00") && !v.equals("ff:ff:ff:ff:ff:ff")) {
        out.add(new Finding("MAC_ADDRESS", start, start + mac.end(), Confidence.MEDIUM, TAGS));
      }
      return;
    }
    ipv6(text, start, out);
  }

  private void ipv6(ScanText text, int start, List<Finding> out) {
    Matcher m = IPV6.matcher(text.text().substring(start, Math.min(text.length(), start + 45)));
    if (m.lookingAt()
        && boundary(text, start + m.end())
        && m.group().length() >= 3
        && (m.group().contains("::") || m.group().chars().filter(ch -> ch == ':').count() == 7)
        && !Shapes.matches(m.group(), "[0-9:]+")) {
      out.add(new Finding("IPV6_ADDRESS", start, start + m.end(), Confidence.HIGH, TAGS));
    }
  }

  /** At least five colons, or a "::", in the run of hex digits and colons from {@code start}. */
  private static boolean addressLike(ScanText text, int start) {
    int colons = 0;
    boolean doubled = false;
    int limit = Math.min(text.length(), start + 45);
    for (int i = start; i < limit && isHexOrColon(text.charAt(i)); i++) {
      if (text.charAt(i) == ':') {
        colons++;
        doubled |= i > start && text.charAt(i - 1) == ':';
      }
    }
    return doubled || colons >= 5;
  }

  private static boolean boundary(ScanText text, int end) {
    return end >= text.length()
        || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == ':');
  }

  private static boolean isHexOrColon(char c) {
    return Character.digit(c, 16) >= 0 || c == ':';
  }

  /** IPv6 and MAC addresses whose first group starts with a letter ({@code fe80:0:…}). */
  static final class LetterStart implements Detector {
    private final NetworkDetector network = new NetworkDetector();

    @Override
    public List<String> types() {
      return List.of("IPV6_ADDRESS", "MAC_ADDRESS");
    }

    @Override
    public int[] candidateLengths() {
      return new int[] {2, 3, 4};
    }

    @Override
    public boolean digitCandidates() {
      return false;
    }

    @Override
    public boolean examinesShape(int[] groups, char separator) {
      return groups.length == 1;
    }

    @Override
    public boolean examinesFollowedBy(char next) {
      return next == ':';
    }

    @Override
    public boolean examinesPrecededBy(char previous) {
      return !startsNoRun(previous);
    }

    @Override
    public void examine(ScanText text, Candidate c, List<Finding> out) {
      if (c.groups().length == 1 && c.end() < text.length() && text.charAt(c.end()) == ':') {
        network.colonRun(text, c.start(), out);
      }
    }
  }
}
