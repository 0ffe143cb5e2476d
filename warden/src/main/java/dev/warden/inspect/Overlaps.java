package dev.warden.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where findings overlap, keeps the most reliable: higher confidence first, then the longer span,
 * then the type listed earlier (a specific type before a generic one). Exact duplicates collapse
 * into one.
 */
final class Overlaps {
  private Overlaps() {}

  static List<Finding> resolve(List<Finding> found, Map<String, Integer> rank) {
    if (found.size() <= 1) {
      return found;
    }
    List<Finding> order = new ArrayList<>(found);
    order.sort(
        Comparator.comparing(Finding::confidence)
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start)
            .thenComparingInt(f -> rank.getOrDefault(f.type(), Integer.MAX_VALUE)));
    TreeMap<Integer, Finding> kept = new TreeMap<>();
    for (Finding f : order) {
      var before = kept.floorEntry(f.end() - 1);
      if (before != null && before.getValue().end() > f.start()) {
        continue;
      }
      kept.put(f.start(), f);
    }
    return new ArrayList<>(kept.values());
  }
}
