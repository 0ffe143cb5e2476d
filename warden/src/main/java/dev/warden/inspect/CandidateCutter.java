package dev.warden.inspect;

import dev.warden.inspect.prefilter.Ascii;
import java.nio.charset.StandardCharsets;

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

  /**
   * Receives each candidate with the detectors that examine it: bit {@code i} of {@code chosen}
   * (never 0) for {@code examiners.all()[i]}.
   */
  interface Sink {
    void accept(Candidate candidate, Dispatch.Examiners examiners, long chosen);
  }

  private final Dispatch dispatch;
  private final boolean[] alnumLengths;

  CandidateCutter(Dispatch dispatch, boolean[] alnumLengths) {
    this.dispatch = dispatch;
    this.alnumLengths = alnumLengths;
  }

  void cut(String s, Sink sink) {
    cut(Ascii.of(s), s.length(), ContextGate.EMPTY, sink);
  }

  /**
   * Cuts the candidates of the first {@code n} chars of {@code s}, a text in its {@link Ascii}
   * view; {@code gate} tells where context words stand, for the detectors that need one.
   */
  void cut(byte[] s, int n, ContextGate gate, Sink sink) {
    cut(s, n, new Out(null, gate, sink));
  }

  /**
   * {@link #cut(byte[], int, ContextGate, Sink)} over all of {@code s}, which is the {@link Ascii}
   * view of {@code text}.
   */
  void cut(String text, byte[] s, ContextGate gate, Sink sink) {
    cut(s, s.length, new Out(text, gate, sink));
  }

  /**
   * Where a scan's candidates go, with what they are checked against: the text itself when known (a
   * single digit group is then a plain substring of it), the context words, the detectors.
   */
  private record Out(String text, ContextGate gate, Sink sink) {}

  /**
   * Every candidate has a digit, or is a short word right before spaced digits ({@code AB 12 34 56
   * C}), so the walk jumps from digit to digit, eight bytes at a time in between, and reads only
   * the words at those digits and the one word before each, in text order.
   */
  private void cut(byte[] s, int n, Out out) {
    int[] groups = new int[MAX_GROUPS];
    int[] starts = new int[MAX_GROUPS];
    byte[] compact = new byte[MAX_COMPACT + 10];
    if (!dispatch.byShape()) {
      everyWord(s, n, groups, starts, compact, out);
      return;
    }
    int i = 0;
    while (true) {
      int d = nextDigit(s, i, n);
      if (d == n) {
        return;
      }
      int w = d; // the start of the digit's word, or i when the walk resumed inside it
      while (w > i && isAlnum(s[w - 1])) {
        w--;
      }
      if (w == d && w - 2 >= i && s[w - 1] == ' ' && isAlnum(s[w - 2])) {
        int v = w - 2; // the word before the spaced digits
        while (v > i && isAlnum(s[v - 1])) {
          v--;
        }
        word(s, n, v, groups, starts, compact, out);
      }
      i = word(s, n, w, groups, starts, compact, out);
    }
  }

  /** The reference walk the digit-to-digit one is tested against: it reads every word. */
  private void everyWord(byte[] s, int n, int[] groups, int[] starts, byte[] compact, Out out) {
    int i = 0;
    while (i < n) {
      if (kind(s[i]) == OTHER) {
        i++;
      } else {
        i = word(s, n, i, groups, starts, compact, out);
      }
    }
  }

  /** Cuts the candidates of the word starting at {@code i}; returns where the walk goes on. */
  private int word(byte[] s, int n, int i, int[] groups, int[] starts, byte[] compact, Out out) {
    int end = i;
    int digits = 0;
    int k;
    while (end < n && (k = kind(s[end])) != OTHER) {
      digits += k >> 1; // a digit is 2, a letter 1: counted without a branch
      end++;
    }
    boolean identifier = (i > 0 && s[i - 1] == '_') || (end < n && s[end] == '_');
    int len = end - i;
    if (identifier) {
      return end;
    } else if (digits == len) {
      return digitRun(s, n, i, end, groups, starts, out);
    }
    boolean spaced = end + 1 < n && s[end] == ' ' && isAlnum(s[end + 1]);
    boolean wanted = len <= MAX_COMPACT && (alnumLengths[len] || spaced);
    // Hashes, UUID parts and words of a length no type has are not worth building.
    if (wanted && (digits > 0 || (len <= 4 && spacedDigitFollows(s, n, end)))) {
      alnumRun(s, n, i, end, digits > 0, groups, compact, out);
    }
    return end;
  }

  /** The first ASCII digit in {@code s[i, n)}, or {@code n}. */
  static int nextDigit(byte[] s, int i, int n) {
    while (i + 8 <= n) {
      long digits = Swar.between(Swar.read(s, i), '0', '9');
      if (digits != 0) {
        return i + (Long.numberOfTrailingZeros(digits) >>> 3);
      }
      i += 8;
    }
    while (i < n && !isDigit(s[i])) {
      i++;
    }
    return i;
  }

  private int digitRun(
      byte[] s, int n, int start, int firstEnd, int[] groups, int[] starts, Out out) {
    groups[0] = firstEnd - start;
    starts[0] = start;
    int count = 1;
    char sep = 0;
    int end = firstEnd;
    while (count < MAX_GROUPS && end + 1 < n) {
      char next = Ascii.charOf(s[end]);
      boolean switchAfterDots = sep == '.' && (next == '-' || next == '/');
      if (!isSeparator(next)
          || (sep != 0 && next != sep && !switchAfterDots)
          || !isDigit(s[end + 1])) {
        break;
      }
      int k = end + 1;
      while (k < n && isDigit(s[k])) {
        k++;
      }
      if (k < n && (isLetter(s[k]) || s[k] == '_')) {
        break;
      }
      sep = sep == 0 ? next : sep;
      starts[count] = end + 1;
      groups[count++] = k - end - 1;
      end = k;
    }
    if (end < n && isLetter(s[end])) {
      return end; // digits glued to letters: a word such as 4th or 12px, not a number
    }
    boolean colon = end < n && s[end] == ':';
    if (count == 1 && groups[0] < MIN_SINGLE && !colon) {
      return end; // a short bare number (a count, a price part): no type is that short alone
    }
    emitDigits(s, n, starts, groups, 0, count, sep, out);
    if (count > 1 && sep == ' ') {
      for (int g = 0; g < count; g++) {
        // Each group alone too, but a short one only before a colon, as for a bare number (the
        // reference path hands them all on).
        if (groups[g] >= MIN_SINGLE || (g == count - 1 && colon) || !dispatch.byShape()) {
          emitDigits(s, n, starts, groups, g, g + 1, (char) 0, out);
        }
      }
    }
    return end;
  }

  private void emitDigits(
      byte[] s, int n, int[] starts, int[] groups, int from, int to, char sep, Out out) {
    int total = 0;
    for (int g = from; g < to; g++) {
      total += groups[g];
    }
    int end = starts[to - 1] + groups[to - 1];
    char next = next(s, n, end);
    Dispatch.Examiners examiners =
        dispatch.of(
            true,
            total,
            groups,
            from,
            to,
            sep,
            Ascii.charOf(s[starts[from]]),
            previous(s, starts[from]),
            next);
    long chosen = chosen(examiners, out.gate(), s, starts[from], end, groups[from], total);
    if (chosen == 0) {
      return; // no detector examines this grouping here: not worth building
    }
    String compact;
    if (to - from == 1) {
      int at = starts[from];
      compact =
          out.text() != null
              ? out.text().substring(at, at + total)
              : new String(s, at, total, StandardCharsets.ISO_8859_1);
    } else {
      byte[] buf = new byte[total];
      int k = 0;
      for (int g = from; g < to; g++) {
        System.arraycopy(s, starts[g], buf, k, groups[g]);
        k += groups[g];
      }
      compact = new String(buf, StandardCharsets.ISO_8859_1);
    }
    int[] lengths = java.util.Arrays.copyOfRange(groups, from, to);
    out.sink().accept(new Candidate(starts[from], end, compact, lengths, sep), examiners, chosen);
  }

  private void alnumRun(
      byte[] s,
      int n,
      int start,
      int firstEnd,
      boolean firstHasDigit,
      int[] groups,
      byte[] compact,
      Out out) {
    // The compact form is built only for a candidate some detector takes (emitAlnum).
    int length = firstEnd - start;
    groups[0] = length;
    int built = 0; // groups whose chars compact holds, upper-cased: each emit appends the rest
    if (firstHasDigit) {
      built = emitAlnum(s, n, start, firstEnd, compact, built, length, groups, 1, out);
    }
    // A short lower-case word before spaced digits is prose ("took 2241 ms", "page 12 of 30")
    // unless a context word stands near ("nino: ab 12 34 56 c"); codes are written in capitals.
    boolean prose = !firstHasDigit && !capitals(s, start, firstEnd);
    int end = firstEnd;
    for (int count = 1; count < MAX_GROUPS; count++) {
      if (end + 1 >= n || s[end] != ' ' || !isAlnum(s[end + 1])) {
        return;
      }
      int k = end + 1;
      while (k < n && isAlnum(s[k]) && k - end <= 9) {
        k++;
      }
      if (k < n && (isAlnum(s[k]) || s[k] == '_')) {
        return;
      }
      if (length + k - end - 1 > MAX_COMPACT) {
        return;
      }
      length += k - end - 1;
      groups[count] = k - end - 1;
      end = k;
      if (prose && !out.gate().near(start, end)) {
        continue;
      }
      built = emitAlnum(s, n, start, end, compact, built, length, groups, count + 1, out);
    }
  }

  /**
   * Hands the candidate of the first {@code count} groups at {@code start} to its detectors, if
   * any; {@code compact} holds the first {@code built} groups already. Returns the groups it holds
   * now.
   */
  private int emitAlnum(
      byte[] s,
      int n,
      int start,
      int end,
      byte[] compact,
      int built,
      int length,
      int[] groups,
      int count,
      Out out) {
    char sep = count == 1 ? 0 : ' ';
    Dispatch.Examiners examiners =
        dispatch.of(
            false,
            length,
            groups,
            0,
            count,
            sep,
            Ascii.charOf(s[start]),
            previous(s, start),
            next(s, n, end));
    if (examiners.byLetters() != null && length >= 4) {
      examiners = examiners.withLetters(letters(s, start));
    }
    long chosen = chosen(examiners, out.gate(), s, start, end, groups[0], length);
    if (chosen == 0) {
      return built;
    }
    int k = 0;
    int at = start;
    for (int g = 0; g < built; g++) {
      k += groups[g];
      at += groups[g] + 1; // one space between groups
    }
    for (int g = built; g < count; g++) {
      k = appendUpper(compact, k, s, at, at + groups[g]);
      at += groups[g] + 1;
    }
    int[] lengths = java.util.Arrays.copyOf(groups, count);
    out.sink()
        .accept(
            new Candidate(
                start, end, new String(compact, 0, k, StandardCharsets.ISO_8859_1), lengths, sep),
            examiners,
            chosen);
    return count;
  }

  /**
   * Which of the first four letters and digits from {@code start}, past single spaces between
   * groups, are letters: bit 0 for the first ({@link Detector#examinesLetters}).
   */
  private static int letters(byte[] s, int start) {
    int letters = 0;
    int i = start;
    for (int k = 0; k < 4; k++, i++) {
      if (s[i] == ' ') {
        i++;
      }
      letters |= (kind(s[i]) & 1) << k; // a letter is 1, a digit 2
    }
    return letters;
  }

  /** Whether {@code s[from, to)} has no lower-case letter. */
  private static boolean capitals(byte[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s[i] >= 'a' && s[i] <= 'z') {
        return false;
      }
    }
    return true;
  }

  /**
   * Which of {@code examiners} examine the candidate {@code s[start, end)} of {@code length} chars
   * whose first group is {@code firstLength} long: those needing no context word or with one of
   * theirs near ({@link ContextGate#bitsNear}), less those its head does not suit.
   */
  private static long chosen(
      Dispatch.Examiners examiners,
      ContextGate gate,
      byte[] s,
      int start,
      int end,
      int firstLength,
      int length) {
    long chosen = examiners.given(examiners.gated() ? gate.bitsNear(start, end) : 0);
    if (examiners.readHead(chosen)) {
      int known = Math.min(8, firstLength);
      chosen = examiners.headed(chosen, Head.of(s, start, known), known, length);
    }
    return chosen;
  }

  /** The char before {@code start}, or 0 where the text starts. */
  private static char previous(byte[] s, int start) {
    return start > 0 ? Ascii.charOf(s[start - 1]) : 0;
  }

  /** The char at {@code end}, or 0 where the text ends. */
  private static char next(byte[] s, int n, int end) {
    return end < n ? Ascii.charOf(s[end]) : 0;
  }

  private static boolean spacedDigitFollows(byte[] s, int n, int end) {
    return end + 1 < n && s[end] == ' ' && isDigit(s[end + 1]);
  }

  /**
   * Appends the letters and digits {@code s[from, to)} upper-cased at {@code length}; returns the
   * new length. Eight bytes at a time where the text has eight more to read and {@code out} room
   * for eight more ({@link #MAX_COMPACT} plus ten bytes hold any candidate so): what it writes past
   * the new length is overwritten or never read.
   */
  static int appendUpper(byte[] out, int length, byte[] s, int from, int to) {
    int k = length;
    int i = from;
    while (i < to && i + 8 <= s.length && k + 8 <= out.length) {
      long x = Swar.read(s, i);
      Swar.write(out, k, x - (Swar.between(x, 'a', 'z') >>> 2)); // 0x80 >>> 2 is 'a' - 'A'
      int step = Math.min(8, to - i);
      i += step;
      k += step;
    }
    for (; i < to; i++) {
      byte c = s[i];
      out[k++] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
    }
    return k;
  }

  static boolean isSeparator(int c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(int c) {
    return c >= 0 && c < 128 && ALNUM[c];
  }

  private static final boolean[] ALNUM = new boolean[128];
  private static final int OTHER = 0;
  private static final byte[] KIND = new byte[128]; // 0 other, 1 letter, 2 digit

  static {
    for (char c = 0; c < 128; c++) {
      ALNUM[c] = isDigit(c) || isLetter(c);
      KIND[c] = (byte) (isDigit(c) ? 2 : isLetter(c) ? 1 : OTHER);
    }
  }

  private static int kind(byte c) {
    return c >= 0 ? KIND[c] : OTHER;
  }
}
