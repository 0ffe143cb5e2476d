package dev.warden.inspect;

import java.util.List;
import java.util.Set;

/**
 * For each set of context words detectors ask {@link ScanText#near} about, which of an engine's
 * keywords are in it, one flag per keyword number: {@code near} then reads a flag per keyword
 * occurrence instead of hashing the word into the set. Sets are told apart by identity (detectors
 * ask with the same constant sets over and over); their flags are worked out at the first question
 * and kept in a bounded table shared by all scans of the engine. Thread-safe: a racing writer may
 * overwrite another's entry, which is then worked out again.
 */
final class WordMasks {
  private static final int SLOTS = 1024; // a power of two
  private static final int PROBES = 8;

  private record Entry(Set<String> words, boolean[] mask) {}

  private final List<String> keywords;
  private final Entry[] table;

  WordMasks(List<String> keywords) {
    this(keywords, SLOTS);
  }

  /**
   * @param slots a power of two, or 0 for no table: every set is then asked itself
   */
  WordMasks(List<String> keywords, int slots) {
    this.keywords = keywords;
    this.table = new Entry[slots];
  }

  /**
   * Per keyword number, whether the keyword is one of {@code words}; null where the table has no
   * room for another set near its slot (the caller then asks the set).
   */
  boolean[] of(Set<String> words) {
    int hash = System.identityHashCode(words);
    for (int probe = 0; probe < Math.min(PROBES, table.length); probe++) {
      int slot = (hash + probe) & (table.length - 1);
      Entry e = table[slot];
      if (e == null) {
        boolean[] mask = new boolean[keywords.size()];
        for (int k = 0; k < mask.length; k++) {
          mask[k] = words.contains(keywords.get(k));
        }
        table[slot] = new Entry(words, mask); // final fields: safely published
        return mask;
      }
      if (e.words() == words) {
        return e.mask();
      }
    }
    return null;
  }
}
