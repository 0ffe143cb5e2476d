package dev.warden.inspect.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keywords with a char outside ASCII ({@code fødselsnummer}, {@code henkilötunnus}, {@code
 * マイナンバー}), which the {@link AhoCorasick} pass over the {@link Ascii} view cannot see. They are
 * found from the non-ASCII chars of a text alone: each keyword is anchored on its first such char,
 * and only where the text holds one of those chars is the keyword compared, ignoring case.
 * Immutable and thread-safe.
 */
public final class WideKeywords {
  private final List<String> words;
  private final int firstId; // the id of words.get(0) among all keywords
  private final char[] anchors; // sorted; both cases of each keyword's first non-ASCII char
  private final int[][] byAnchor; // per anchor: {word index, offset of the anchor in it}, flat

  /**
   * @param words keywords that each hold a char of 128 or above
   * @param firstId the keyword id reported for {@code words.get(0)}; the next ones follow
   */
  public WideKeywords(List<String> words, int firstId) {
    this.words = List.copyOf(words);
    this.firstId = firstId;
    List<char[]> entries = new ArrayList<>(); // {anchor, word, offset}
    for (int w = 0; w < this.words.size(); w++) {
      String word = this.words.get(w);
      int at = 0;
      while (at < word.length() && word.charAt(at) < 128) {
        at++;
      }
      if (at == word.length()) {
        throw new IllegalArgumentException("keyword is ASCII: " + word);
      }
      char c = word.charAt(at);
      for (char anchor : new char[] {Character.toLowerCase(c), Character.toUpperCase(c)}) {
        entries.add(new char[] {anchor, (char) w, (char) at});
      }
    }
    entries.sort((a, b) -> a[0] != b[0] ? Character.compare(a[0], b[0]) : a[1] - b[1]);
    List<Character> keys = new ArrayList<>();
    List<List<Integer>> lists = new ArrayList<>();
    for (char[] e : entries) {
      if (keys.isEmpty() || keys.getLast() != e[0]) {
        keys.add(e[0]);
        lists.add(new ArrayList<>());
      }
      List<Integer> list = lists.getLast();
      if (!list.isEmpty() && list.get(list.size() - 2) == e[1]) {
        continue; // a char whose two cases are one
      }
      list.add((int) e[1]);
      list.add((int) e[2]);
    }
    this.anchors = new char[keys.size()];
    this.byAnchor = new int[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      anchors[i] = keys.get(i);
      byAnchor[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /**
   * Reports the keyword occurrences in {@code text}, whose {@link Ascii} view is {@code view}, in
   * order of the non-ASCII char each is anchored on (not necessarily of their end).
   */
  public void scan(String text, byte[] view, AhoCorasick.Hits hits) {
    for (int i = 0; i < view.length; i++) {
      if (view[i] != Ascii.OTHER) {
        continue;
      }
      int a = Arrays.binarySearch(anchors, text.charAt(i));
      if (a < 0) {
        continue;
      }
      int[] list = byAnchor[a];
      for (int k = 0; k < list.length; k += 2) {
        String word = words.get(list[k]);
        int start = i - list[k + 1];
        if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
          hits.hit(firstId + list[k], start + word.length());
        }
      }
    }
  }

  /** Whether {@code word} needs this matcher: it holds a char of 128 or above. */
  public static boolean wide(String word) {
    return !word.toLowerCase(Locale.ROOT).chars().allMatch(c -> c < 128);
  }
}
