package dev.warden.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The normalised text being scanned, with the keyword occurrences the prefilter found in it, so a
 * detector can ask whether a context word sits near a candidate.
 */
public final class ScanText {
  /** How far before a value a context word may stand (a JSON key, a label in prose). */
  public static final int CONTEXT_BEFORE = 48;

  /** How far after a value a context word may stand. */
  public static final int CONTEXT_AFTER = 16;

  private final String text;
  private final List<String> keywords;
  private final boolean[] contextOnly;
  private final WordMasks masks;
  private int[] hitKeyword = new int[16];
  private int[] hitEnd = new int[16];
  private int hits;
  private int lastFrom = Integer.MIN_VALUE; // the last window start near() searched, and its hit
  private int lastFirst;

  /**
   * @param contextOnly per keyword, whether it serves only as context: {@link #near} counts such a
   *     word only where it starts a word, so an occurrence inside another word is not kept at all
   */
  ScanText(String text, List<String> keywords, boolean[] contextOnly) {
    this(text, keywords, contextOnly, new WordMasks(keywords));
  }

  /**
   * @param masks the engine's flags of its keywords per set of words, over {@code keywords}
   */
  ScanText(String text, List<String> keywords, boolean[] contextOnly, WordMasks masks) {
    this.text = text;
    this.keywords = keywords;
    this.contextOnly = contextOnly;
    this.masks = masks;
  }

  void addHit(int keyword, int end) {
    if (contextOnly[keyword] && !wordStartsAt(end - keywords.get(keyword).length())) {
      return; // "ver" in "server", "tax" in "syntax": never context
    }
    if (hits == hitEnd.length) {
      hitKeyword = Arrays.copyOf(hitKeyword, hits * 2);
      hitEnd = Arrays.copyOf(hitEnd, hits * 2);
    }
    int at = hits;
    while (at > 0 && hitEnd[at - 1] > end) {
      at--; // a keyword outside ASCII, found after the others: kept in order of end
    }
    System.arraycopy(hitKeyword, at, hitKeyword, at + 1, hits - at);
    System.arraycopy(hitEnd, at, hitEnd, at + 1, hits - at);
    hitKeyword[at] = keyword;
    hitEnd[at] = end;
    hits++;
    lastFrom = Integer.MIN_VALUE; // the kept answer of firstEndingAfter may have moved
    lastFirst = 0;
  }

  int hitCount() {
    return hits;
  }

  int hitKeyword(int i) {
    return hitKeyword[i];
  }

  int hitEnd(int i) {
    return hitEnd[i];
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  public char charAt(int i) {
    return text.charAt(i);
  }

  /** Whether one of {@code words} occurs near {@code [start, end)}, within the default window. */
  public boolean near(Set<String> words, int start, int end) {
    return near(words, start - CONTEXT_BEFORE, end + CONTEXT_AFTER, start, end);
  }

  /**
   * Whether one of {@code words} occurs within {@code [from, to)} but outside the value {@code
   * [start, end)} itself.
   */
  public boolean near(Set<String> words, int from, int to, int start, int end) {
    return near(words, from, to, start, end, false);
  }

  /**
   * {@link #near(Set, int, int)} for words that count only whole: {@code ver} for a version, not
   * the start of {@code verify}.
   */
  public boolean nearWholeWord(Set<String> words, int start, int end) {
    return near(words, start - CONTEXT_BEFORE, end + CONTEXT_AFTER, start, end, true);
  }

  private boolean near(Set<String> words, int from, int to, int start, int end, boolean wholeWord) {
    if (words.isEmpty()) {
      return false;
    }
    boolean[] mask = masks.of(words);
    int lo = firstEndingAfter(from);
    for (int i = lo; i < hits && hitEnd[i] <= to; i++) {
      if (mask != null && !mask[hitKeyword[i]]) {
        continue;
      }
      String word = keywords.get(hitKeyword[i]);
      int wordStart = hitEnd[i] - word.length();
      boolean inside = wordStart >= start && hitEnd[i] <= end;
      if (!inside
          && wordStart >= from
          && (mask != null || words.contains(word))
          && wordStartsAt(wordStart)
          && !(wholeWord && hitEnd[i] < text.length() && !wordStartsAt(hitEnd[i]))
          && !(wordStart >= end && namesAKey(hitEnd[i]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the word ending at {@code wordEnd} is (part of) a quoted key: {@code phone} in {@code
   * "phone": …} or {@code "phone_number": …}. After a value, such a word names the next value, not
   * the one before it ({@code "order_id": "ORD-30123456", "phone": …}).
   */
  private boolean namesAKey(int wordEnd) {
    int i = wordEnd;
    int n = text.length();
    while (i < n && i - wordEnd < 32 && keyChar(text.charAt(i))) {
      i++;
    }
    if (i >= n || (text.charAt(i) != '"' && text.charAt(i) != '\'')) {
      return false;
    }
    i++;
    while (i < n && text.charAt(i) == ' ') {
      i++;
    }
    return i < n && text.charAt(i) == ':';
  }

  private static boolean keyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /**
   * The first hit ending after {@code from}; the detectors of one candidate ask for the same window
   * one after the other, so the last answer is kept, and candidates come in text order, so a later
   * window is first looked for a few hits on from the last answer.
   */
  int firstEndingAfter(int from) {
    if (from == lastFrom) {
      return lastFirst;
    }
    int lo = 0;
    int hi = hits;
    if (from > lastFrom) {
      lo = lastFirst; // every hit before it ends at or before lastFrom, so before from
      for (int step = 0; step < 8 && lo < hits && hitEnd[lo] <= from; step++) {
        lo++;
      }
      if (lo < hits && hitEnd[lo] <= from) {
        lo++; // still before the window: search the rest
      } else {
        hi = lo;
      }
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hitEnd[mid] <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    lastFrom = from;
    lastFirst = lo;
    return lo;
  }

  /**
   * Whether a context word starts a word here: not inside another one ({@code call} in {@code
   * recall}, {@code rc} in {@code search}), though a camel-case or snake-case key may glue it.
   */
  public boolean wordStartsAt(int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    char at = text.charAt(i);
    if (before < 128 && at < 128) { // ASCII: the same answers without Character's tables
      boolean lowerBefore = before >= 'a' && before <= 'z';
      if (!lowerBefore && !(before >= 'A' && before <= 'Z')) {
        return true;
      }
      boolean upperAt = at >= 'A' && at <= 'Z';
      if (!upperAt && !(at >= 'a' && at <= 'z')) {
        return true;
      }
      return lowerBefore && upperAt;
    }
    if (!Character.isLetter(before) || !Character.isLetter(at) || uncased(at)) {
      return true; // scripts without case (CJK, Thai, Hebrew) show no word boundary
    }
    return Character.isLowerCase(before) && Character.isUpperCase(at);
  }

  private static boolean uncased(char c) {
    return !Character.isLowerCase(c) && !Character.isUpperCase(c) && !Character.isTitleCase(c);
  }
}
