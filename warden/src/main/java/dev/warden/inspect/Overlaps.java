package dev.warden.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where findings overlap, keeps the most reliable: higher confidence first, then the longer span,
 * then the one whose own label stands near (the same digits read as a Canadian SIN and an
 * Australian TFN, beside "TFN"), then the type listed earlier (a specific type before a generic
 * one). Exact duplicates collapse into one.
 */
final class Overlaps {
  private Overlaps() {}

  /**
   * {@link #byPriority} applied to each cluster of findings that overlap one another: findings in
   * different clusters never overlap, so what one cluster keeps cannot depend on another, and most
   * findings are alone in theirs. The findings are sorted by start once (stably, so equal starts
   * keep their order for the tie-breaks) and only the clusters are ranked.
   */
  static List<Finding> resolve(List<Finding> found, Map<String, Integer> rank) {
    return resolve(found, rank, f -> false);
  }

  /**
   * {@link #resolve(List, Map)} with {@code labelled} telling, for findings in a cluster only,
   * whether a context word of the finding's own type stands near it.
   */
  static List<Finding> resolve(
      List<Finding> found, Map<String, Integer> rank, Predicate<Finding> labelled) {
    if (found.size() <= 1) {
      return found;
    }
    List<Finding> byStart = new ArrayList<>(found);
    for (Finding f : byStart) {
      if (f.length() == 0) {
        return byPriority(found, rank, labelled); // an empty span is ranked against every other
      }
    }
    byStart.sort(BY_START);
    List<Finding> kept = new ArrayList<>(byStart.size());
    int i = 0;
    while (i < byStart.size()) {
      int end = byStart.get(i).end();
      int j = i + 1;
      while (j < byStart.size() && byStart.get(j).start() < end) {
        end = Math.max(end, byStart.get(j).end());
        j++;
      }
      if (j == i + 1) {
        kept.add(byStart.get(i));
      } else {
        cluster(byStart.subList(i, j), rank, labelled, kept);
      }
      i = j;
    }
    return kept;
  }

  private static final Comparator<Finding> BY_START = Comparator.comparingInt(Finding::start);

  /**
   * {@link #byPriority} for one cluster of findings with non-empty spans, appended to {@code kept}:
   * a cluster holds a few findings, so they are ranked by insertion (stable, as the sort is) and
   * each is checked against those kept before it, without a comparator or a map.
   */
  private static void cluster(
      List<Finding> found,
      Map<String, Integer> rank,
      Predicate<Finding> labelled,
      List<Finding> kept) {
    Finding[] order = found.toArray(Finding[]::new);
    for (int a = 1; a < order.length; a++) {
      Finding f = order[a];
      int b = a - 1;
      while (b >= 0 && before(f, order[b], rank, labelled)) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = f;
    }
    int from = kept.size();
    for (Finding f : order) {
      boolean free = true;
      for (int k = from; k < kept.size() && free; k++) {
        free = kept.get(k).end() <= f.start() || f.end() <= kept.get(k).start();
      }
      if (free) {
        int at = kept.size();
        while (at > from && kept.get(at - 1).start() > f.start()) {
          at--;
        }
        kept.add(at, f);
      }
    }
  }

  /** Whether {@code a} ranks strictly before {@code b}, as {@link #byPriority} orders them. */
  private static boolean before(
      Finding a, Finding b, Map<String, Integer> rank, Predicate<Finding> labelled) {
    int c = a.confidence().compareTo(b.confidence());
    if (c != 0) {
      return c < 0;
    }
    if (a.length() != b.length()) {
      return a.length() > b.length();
    }
    if (a.start() != b.start()) {
      return a.start() < b.start();
    }
    boolean labelledA = labelled.test(a);
    if (labelledA != labelled.test(b)) {
      return labelledA;
    }
    return rank.getOrDefault(a.type(), Integer.MAX_VALUE)
        < rank.getOrDefault(b.type(), Integer.MAX_VALUE);
  }

  /** The reference: every finding ranked, each kept unless it overlaps one kept before it. */
  static List<Finding> byPriority(List<Finding> found, Map<String, Integer> rank) {
    return byPriority(found, rank, f -> false);
  }

  static List<Finding> byPriority(
      List<Finding> found, Map<String, Integer> rank, Predicate<Finding> labelled) {
    if (found.size() <= 1) {
      return new ArrayList<>(found);
    }
    List<Finding> order = new ArrayList<>(found);
    order.sort(
        Comparator.comparing(Finding::confidence)
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(f -> !labelled.test(f))
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
