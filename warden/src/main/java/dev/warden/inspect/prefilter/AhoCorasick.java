package dev.warden.inspect.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over ASCII keywords, compiled to a dense DFA so that the scan costs one
 * array read per character. Matching ignores ASCII case; characters outside ASCII reset the
 * automaton (no keyword contains one). Immutable and thread-safe once built.
 */
public final class AhoCorasick {
  private static final int ALPHABET = 128;

  private final List<String> keywords;
  private final int[] next; // state * ALPHABET + char -> state
  private final int[][] outputs; // state -> keyword ids ending here (own and by failure links)

  /** Receives each keyword occurrence: the keyword's index and the offset just past its end. */
  @FunctionalInterface
  public interface Hits {
    void hit(int keyword, int end);
  }

  public AhoCorasick(List<String> keywords) {
    this.keywords = List.copyOf(keywords);
    List<int[]> gotoTable = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoTable.add(newRow());
    out.add(new ArrayList<>());
    for (int k = 0; k < this.keywords.size(); k++) {
      String word = this.keywords.get(k);
      if (word.isEmpty()) {
        throw new IllegalArgumentException("empty keyword");
      }
      int state = 0;
      for (int i = 0; i < word.length(); i++) {
        int c = fold(word.charAt(i));
        if (c >= ALPHABET) {
          throw new IllegalArgumentException("keyword is not ASCII: " + word);
        }
        if (gotoTable.get(state)[c] < 0) {
          gotoTable.get(state)[c] = gotoTable.size();
          gotoTable.add(newRow());
          out.add(new ArrayList<>());
        }
        state = gotoTable.get(state)[c];
      }
      out.get(state).add(k);
    }
    int states = gotoTable.size();
    next = new int[states * ALPHABET];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int s = gotoTable.get(0)[c];
      next[c] = Math.max(s, 0);
      if (s > 0) {
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      out.get(r).addAll(out.get(fail[r]));
      for (int c = 0; c < ALPHABET; c++) {
        int s = gotoTable.get(r)[c];
        if (s > 0) {
          fail[s] = next[fail[r] * ALPHABET + c];
          next[r * ALPHABET + c] = s;
          queue.add(s);
        } else {
          next[r * ALPHABET + c] = next[fail[r] * ALPHABET + c];
        }
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
  }

  public List<String> keywords() {
    return keywords;
  }

  /** Reports every occurrence of every keyword in {@code text}, in order of their end. */
  public void scan(CharSequence text, Hits hits) {
    int state = 0;
    int[] table = next;
    for (int i = 0, n = text.length(); i < n; i++) {
      int c = text.charAt(i);
      if (c >= ALPHABET) {
        state = 0;
        continue;
      }
      state = table[state * ALPHABET + fold(c)];
      int[] found = outputs[state];
      for (int k : found) {
        hits.hit(k, i + 1);
      }
    }
  }

  private static int fold(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }
}
