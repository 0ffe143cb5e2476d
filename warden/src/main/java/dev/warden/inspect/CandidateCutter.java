package dev.warden.inspect;

/**
 * The shape pass: one walk over the text that cuts out number-like and code-like candidates for the
 * checksum detectors, so no regular expression runs over the whole text. Digit runs may be grouped
 * by one repeated separator ({@code 4111 1111 …}, {@code 123-45-6789}, {@code 192.168.0.1});
 * letter-and-digit words ({@code AB123456C}) may continue in space-separated groups ({@code DE89
 * 3704 0044 …}). Words glued to an underscore are identifiers and skipped.
 */
final class CandidateCutter {
  static final int MAX_COMPACT = 34;
  private static final int MAX_GROUPS = 9;
  private static final int MIN_SINGLE = 6;

  /** Receives each candidate, and whether it is digits only. */
  interface Sink {
    void accept(Candidate candidate, boolean digits);
  }

  private final boolean[] digitLengths;
  private final boolean[] alnumLengths;

  CandidateCutter(boolean[] digitLengths, boolean[] alnumLengths) {
    this.digitLengths = digitLengths;
    this.alnumLengths = alnumLengths;
  }

  void cut(String s, Sink sink) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      int end = i;
      int digits = 0;
      while (end < n && isAlnum(s.charAt(end))) {
        if (isDigit(s.charAt(end))) {
          digits++;
        }
        end++;
      }
      boolean identifier = (i > 0 && s.charAt(i - 1) == '_') || (end < n && s.charAt(end) == '_');
      int len = end - i;
      if (identifier) {
        i = end;
      } else if (digits == len) {
        i = digitRun(s, i, end, sink);
      } else {
        boolean spaced = end + 1 < n && s.charAt(end) == ' ' && isAlnum(s.charAt(end + 1));
        boolean wanted = len <= MAX_COMPACT && (alnumLengths[len] || spaced);
        // Hashes, UUID parts and words of a length no type has are not worth building.
        if (wanted && (digits > 0 || (len <= 4 && spacedDigitFollows(s, end)))) {
          alnumRun(s, i, end, digits > 0, sink);
        }
        i = end;
      }
    }
  }

  private int digitRun(String s, int start, int firstEnd, Sink sink) {
    int n = s.length();
    int[] groups = new int[MAX_GROUPS];
    int[] starts = new int[MAX_GROUPS];
    groups[0] = firstEnd - start;
    starts[0] = start;
    int count = 1;
    char sep = 0;
    int end = firstEnd;
    while (count < MAX_GROUPS && end + 1 < n) {
      char next = s.charAt(end);
      boolean switchAfterDots = sep == '.' && (next == '-' || next == '/');
      if (!isSeparator(next)
          || (sep != 0 && next != sep && !switchAfterDots)
          || !isDigit(s.charAt(end + 1))) {
        break;
      }
      int k = end + 1;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      if (k < n && (isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
        break;
      }
      sep = sep == 0 ? next : sep;
      starts[count] = end + 1;
      groups[count++] = k - end - 1;
      end = k;
    }
    if (end < n && isLetter(s.charAt(end))) {
      return end; // digits glued to letters: a word such as 4th or 12px, not a number
    }
    boolean colon = end < n && s.charAt(end) == ':';
    if (count == 1 && groups[0] < MIN_SINGLE && !colon) {
      return end; // a short bare number (a count, a price part): no type is that short alone
    }
    emitDigits(s, starts, groups, 0, count, sep, sink);
    if (count > 1 && sep == ' ') {
      for (int g = 0; g < count; g++) {
        emitDigits(s, starts, groups, g, g + 1, (char) 0, sink);
      }
    }
    return end;
  }

  private void emitDigits(
      String s, int[] starts, int[] groups, int from, int to, char sep, Sink sink) {
    int total = 0;
    for (int g = from; g < to; g++) {
      total += groups[g];
    }
    if (total > MAX_COMPACT || !digitLengths[total]) {
      return;
    }
    StringBuilder compact = new StringBuilder(total);
    for (int g = from; g < to; g++) {
      compact.append(s, starts[g], starts[g] + groups[g]);
    }
    int[] lengths = java.util.Arrays.copyOfRange(groups, from, to);
    int end = starts[to - 1] + groups[to - 1];
    sink.accept(new Candidate(starts[from], end, compact.toString(), lengths, sep), true);
  }

  private void alnumRun(String s, int start, int firstEnd, boolean firstHasDigit, Sink sink) {
    int n = s.length();
    StringBuilder compact = new StringBuilder();
    appendUpper(compact, s, start, firstEnd);
    int[] groups = new int[MAX_GROUPS];
    groups[0] = firstEnd - start;
    if (firstHasDigit) {
      emitAlnum(start, firstEnd, compact, groups, 1, (char) 0, sink);
    }
    int end = firstEnd;
    for (int count = 1; count < MAX_GROUPS; count++) {
      if (end + 1 >= n || s.charAt(end) != ' ' || !isAlnum(s.charAt(end + 1))) {
        return;
      }
      int k = end + 1;
      while (k < n && isAlnum(s.charAt(k)) && k - end <= 9) {
        k++;
      }
      if (k < n && (isAlnum(s.charAt(k)) || s.charAt(k) == '_')) {
        return;
      }
      if (compact.length() + k - end - 1 > MAX_COMPACT) {
        return;
      }
      appendUpper(compact, s, end + 1, k);
      groups[count] = k - end - 1;
      end = k;
      emitAlnum(start, end, compact, groups, count + 1, ' ', sink);
    }
  }

  private void emitAlnum(
      int start, int end, StringBuilder compact, int[] groups, int count, char sep, Sink sink) {
    if (compact.length() <= MAX_COMPACT && alnumLengths[compact.length()]) {
      int[] lengths = java.util.Arrays.copyOf(groups, count);
      sink.accept(new Candidate(start, end, compact.toString(), lengths, sep), false);
    }
  }

  private static boolean spacedDigitFollows(String s, int end) {
    return end + 1 < s.length() && s.charAt(end) == ' ' && isDigit(s.charAt(end + 1));
  }

  private static void appendUpper(StringBuilder out, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
  }

  static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return c < 128 && ALNUM[c];
  }

  private static final boolean[] ALNUM = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ALNUM[c] = isDigit(c) || isLetter(c);
    }
  }
}
