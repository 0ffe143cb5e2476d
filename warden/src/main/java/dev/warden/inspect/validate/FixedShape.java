package dev.warden.inspect.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * A shape expression of the form validators use ({@code [A-Z]{2}[0-9]{6}[A-D]}, {@code
 * [A-PR-UWYZ](?:[0-9]{1,2}|…)[0-9]…}) compiled to every fixed-length sequence of ASCII char classes
 * it can match, so that a match is a length look-up and one bit test per char: no regular
 * expression engine, no allocation. Understands literal chars, classes without negation or escapes,
 * groups, alternation and bounded quantifiers ({@code ?}, {@code {n}}, {@code {n,m}}); {@link
 * #compile} answers null for anything else, and for expressions with too many sequences.
 */
final class FixedShape {
  private static final int MAX_SEQUENCES = 256;
  private static final int MAX_LENGTH = 64;
  private static final String SPECIAL = "[](){}?*+|\\.^$";

  /** byLength[n]: the sequences of length n, each 2·n longs (bits 0–63, 64–127 of each class). */
  private final long[][][] byLength;

  private FixedShape(long[][][] byLength) {
    this.byLength = byLength;
  }

  /** The shape of {@code regex}, or null when it uses more than this matcher understands. */
  static FixedShape compile(String regex) {
    Parser p = new Parser(regex);
    List<long[]> sequences = p.alternation();
    if (sequences == null || p.at != regex.length()) {
      return null;
    }
    int longest = 0;
    for (long[] s : sequences) {
      longest = Math.max(longest, s.length / 2);
    }
    List<List<long[]>> lists = new ArrayList<>();
    for (int n = 0; n <= longest; n++) {
      lists.add(new ArrayList<>());
    }
    sequences.forEach(s -> lists.get(s.length / 2).add(s));
    long[][][] byLength = new long[longest + 1][][];
    for (int n = 0; n <= longest; n++) {
      byLength[n] = lists.get(n).toArray(long[][]::new);
    }
    return new FixedShape(byLength);
  }

  /** Whether the whole of {@code s} is one of the sequences. */
  boolean matches(CharSequence s) {
    int n = s.length();
    if (n >= byLength.length) {
      return false;
    }
    for (long[] seq : byLength[n]) {
      if (matches(s, n, seq)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a string of {@code length} chars whose first {@code known} chars are packed in {@code
   * head}, one per byte from the lowest, may match: some sequence of that length takes them.
   */
  boolean mayStart(long head, int known, int length) {
    if (length < 0 || length >= byLength.length) {
      return false;
    }
    int n = Math.min(known, length);
    for (long[] seq : byLength[length]) {
      boolean fits = true;
      for (int i = 0; i < n && fits; i++) {
        fits = takes(seq, i, (int) (head >>> (i << 3) & 0xFF));
      }
      if (fits) {
        return true;
      }
    }
    return false;
  }

  /** A string this shape matches, its sequence and chars picked by {@code random}. */
  String example(java.util.Random random) {
    List<long[]> all = new ArrayList<>();
    for (long[][] sequences : byLength) {
      all.addAll(List.of(sequences));
    }
    long[] seq = all.get(random.nextInt(all.size()));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < seq.length / 2; i++) {
      List<Character> members = new ArrayList<>();
      for (char c = 0; c < 128; c++) {
        if (((c < 64 ? seq[2 * i] : seq[2 * i + 1]) >>> (c & 63) & 1) != 0) {
          members.add(c);
        }
      }
      b.append(members.get(random.nextInt(members.size())));
    }
    return b.toString();
  }

  private static boolean matches(CharSequence s, int n, long[] seq) {
    for (int i = 0; i < n; i++) {
      if (!takes(seq, i, s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the class at position {@code i} of {@code seq} holds char {@code c}. */
  private static boolean takes(long[] seq, int i, int c) {
    return c < 128 && ((c < 64 ? seq[2 * i] : seq[2 * i + 1]) >>> (c & 63) & 1) != 0;
  }

  /**
   * Recursive descent over the expression; each method answers the sequences its part matches (each
   * as 2·length longs), or null when the part is not understood or expands too far.
   */
  private static final class Parser {
    private final String re;
    private int at;

    Parser(String re) {
      this.re = re;
    }

    List<long[]> alternation() {
      List<long[]> all = concatenation();
      while (all != null && at < re.length() && re.charAt(at) == '|') {
        at++;
        List<long[]> more = concatenation();
        if (more == null) {
          return null;
        }
        all.addAll(more);
      }
      return all == null || all.size() > MAX_SEQUENCES ? null : all;
    }

    private List<long[]> concatenation() {
      List<long[]> result = new ArrayList<>(List.of(new long[0]));
      while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
        List<long[]> atom = atom();
        List<long[]> repeated = atom == null ? null : quantified(atom);
        if (repeated == null) {
          return null;
        }
        result = product(result, repeated);
        if (result == null) {
          return null;
        }
      }
      return result;
    }

    private List<long[]> atom() {
      char c = re.charAt(at);
      if (c == '(') {
        at += re.startsWith("(?:", at) ? 3 : 1;
        List<long[]> inner = alternation();
        if (inner == null || at >= re.length() || re.charAt(at) != ')') {
          return null;
        }
        at++;
        return inner;
      }
      if (c == '[') {
        long[] cls = charClass();
        return cls == null ? null : new ArrayList<>(List.of(cls));
      }
      if (SPECIAL.indexOf(c) >= 0 || c >= 128) {
        return null;
      }
      at++;
      long[] one = new long[2];
      set(one, c);
      return new ArrayList<>(List.of(one));
    }

    /**
     * A class such as {@code [A-HJ-NP-Z0-9& ]}; null for negation, escapes, nesting or {@code &&}.
     */
    private long[] charClass() {
      at++; // [
      long[] cls = new long[2];
      boolean first = true;
      while (at < re.length() && (first || re.charAt(at) != ']')) {
        char c = re.charAt(at);
        if ((first && c == '^') || c == '[' || c == '\\' || c >= 128 || re.startsWith("&&", at)) {
          return null;
        }
        first = false;
        boolean range =
            at + 2 < re.length() && re.charAt(at + 1) == '-' && re.charAt(at + 2) != ']';
        char last = range ? re.charAt(at + 2) : c;
        if (last < c || last >= 128 || last == '[' || last == '\\') {
          return null;
        }
        for (char x = c; x <= last; x++) {
          set(cls, x);
        }
        at += range ? 3 : 1;
      }
      if (at >= re.length()) {
        return null;
      }
      at++; // ]
      return cls;
    }

    private List<long[]> quantified(List<long[]> atom) {
      if (at >= re.length()) {
        return atom;
      }
      char q = re.charAt(at);
      int min;
      int max;
      if (q == '?') {
        min = 0;
        max = 1;
        at++;
      } else if (q == '{') {
        int close = re.indexOf('}', at);
        if (close < 0) {
          return null;
        }
        String[] bounds = re.substring(at + 1, close).split(",", -1);
        try {
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : Integer.parseInt(bounds[1]);
        } catch (NumberFormatException e) {
          return null; // {n,} is unbounded
        }
        if (bounds.length > 2 || min < 0 || max < min || max > MAX_LENGTH) {
          return null;
        }
        at = close + 1;
      } else if (q == '*' || q == '+') {
        return null;
      } else {
        return atom;
      }
      if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) {
        return null; // lazy or possessive: not needed, not supported
      }
      List<long[]> all = new ArrayList<>();
      List<long[]> times = new ArrayList<>(List.of(new long[0]));
      for (int k = 0; k <= max; k++) {
        if (k >= min) {
          all.addAll(times);
        }
        times = k < max ? product(times, atom) : times;
        if (times == null || all.size() > MAX_SEQUENCES) {
          return null;
        }
      }
      return all;
    }

    private static List<long[]> product(List<long[]> heads, List<long[]> tails) {
      if ((long) heads.size() * tails.size() > MAX_SEQUENCES) {
        return null;
      }
      List<long[]> out = new ArrayList<>(heads.size() * tails.size());
      for (long[] h : heads) {
        for (long[] t : tails) {
          if ((h.length + t.length) / 2 > MAX_LENGTH) {
            return null;
          }
          long[] joined = new long[h.length + t.length];
          System.arraycopy(h, 0, joined, 0, h.length);
          System.arraycopy(t, 0, joined, h.length, t.length);
          out.add(joined);
        }
      }
      return out;
    }

    private static void set(long[] cls, char c) {
      cls[c >> 6] |= 1L << (c & 63);
    }
  }
}
