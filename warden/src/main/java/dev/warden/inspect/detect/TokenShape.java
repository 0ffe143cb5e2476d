package dev.warden.inspect.detect;

/**
 * A vendor token expression of the simplest form, {@code \b?LITERAL[CLASS]{n}\b?} (or {@code {n,}},
 * {@code {n,m}}), matched by hand where its literal starts: the literal char by char, then the
 * longest run of the class within the bounds, shortened only as far as a closing {@code \b} needs.
 * That is what RE2 finds there, leftmost-first and greedy, without its automaton. {@code \b} is
 * RE2's: between an ASCII word char ({@code [0-9A-Za-z_]}) and anything else.
 */
final class TokenShape {
  private final boolean boundaryBefore;
  private final String literal;
  private final boolean[] member; // the class, over ASCII
  private final int min;
  private final int max;
  private final boolean boundaryAfter;

  private TokenShape(
      boolean boundaryBefore,
      String literal,
      boolean[] member,
      int min,
      int max,
      boolean boundaryAfter) {
    this.boundaryBefore = boundaryBefore;
    this.literal = literal;
    this.member = member;
    this.min = min;
    this.max = max;
    this.boundaryAfter = boundaryAfter;
  }

  /** The shape of {@code regex}, or null when it is not of this form. */
  static TokenShape of(String regex) {
    int i = 0;
    boolean before = regex.startsWith("\\b");
    i = before ? 2 : 0;
    StringBuilder literal = new StringBuilder();
    while (i < regex.length() && regex.charAt(i) != '[') {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == '.') {
        literal.append('.');
        i += 2;
      } else if (isWord(c) || c == '-') {
        literal.append(c);
        i++;
      } else {
        return null;
      }
    }
    if (literal.isEmpty() || i >= regex.length()) {
      return null;
    }
    int close = regex.indexOf(']', i + 1);
    boolean[] member = close < 0 ? null : members(regex.substring(i + 1, close));
    if (member == null || close + 1 >= regex.length() || regex.charAt(close + 1) != '{') {
      return null;
    }
    int end = regex.indexOf('}', close);
    if (end < 0) {
      return null;
    }
    String[] bounds = regex.substring(close + 2, end).split(",", -1);
    int min;
    int max;
    try {
      min = Integer.parseInt(bounds[0]);
      max =
          bounds.length == 1
              ? min
              : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
    } catch (NumberFormatException e) {
      return null;
    }
    String rest = regex.substring(end + 1);
    if (bounds.length > 2 || min < 0 || max < min || !(rest.isEmpty() || rest.equals("\\b"))) {
      return null;
    }
    return new TokenShape(before, literal.toString(), member, min, max, !rest.isEmpty());
  }

  /** A class body such as {@code A-Za-z0-9_-}: ranges and plain chars, a final '-' plain. */
  private static boolean[] members(String body) {
    boolean[] member = new boolean[128];
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c >= 128 || c == '\\' || c == '[' || c == '^') {
        return null;
      }
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char to = body.charAt(i + 2);
        if (to < c || to >= 128) {
          return null;
        }
        for (char r = c; r <= to; r++) {
          member[r] = true;
        }
        i += 2;
      } else {
        member[c] = true;
      }
    }
    return member;
  }

  /**
   * The end of the match starting at {@code at} in {@code s}, reading no further than {@code to}
   * (the end of the text RE2 would have been given), or -1 for none.
   */
  int matchAt(String s, int at, int to) {
    if (!s.startsWith(literal, at) || at + literal.length() > to) {
      return -1;
    }
    if (boundaryBefore && !boundary(s, at, to)) {
      return -1;
    }
    int from = at + literal.length();
    int run = from;
    while (run < to && run - from < max && isMember(s.charAt(run))) {
      run++;
    }
    for (int end = run; end - from >= min; end--) {
      if (!boundaryAfter || boundary(s, end, to)) {
        return end;
      }
    }
    return -1;
  }

  private boolean isMember(char c) {
    return c < 128 && member[c];
  }

  /** RE2's {@code \b} at {@code i} of {@code s} cut at {@code to}. */
  private static boolean boundary(String s, int i, int to) {
    boolean wordBefore = i > 0 && isWord(s.charAt(i - 1));
    boolean wordAfter = i < to && isWord(s.charAt(i));
    return wordBefore != wordAfter;
  }

  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
