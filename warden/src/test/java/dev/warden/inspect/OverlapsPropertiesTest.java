package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Resolving each cluster of overlapping findings alone ({@link Overlaps#resolve}) keeps exactly
 * what ranking every finding against every other ({@link Overlaps#byPriority}) keeps, in the same
 * order.
 */
class OverlapsPropertiesTest {
  private static final Map<String, Integer> RANK = Map.of("A", 0, "B", 1, "C", 2);

  @Property(tries = 2000)
  void keepsWhatRankingEveryFindingKeeps(@ForAll("findings") List<Finding> found) {
    assertThat(Overlaps.resolve(found, RANK)).isEqualTo(Overlaps.byPriority(found, RANK));
  }

  @Property(tries = 2000)
  void keepsWhatRankingKeepsWhenLabelsBreakTies(@ForAll("findings") List<Finding> found) {
    java.util.function.Predicate<Finding> labelled = f -> (f.start() + f.type().length()) % 3 == 0;
    assertThat(Overlaps.resolve(found, RANK, labelled))
        .isEqualTo(Overlaps.byPriority(found, RANK, labelled));
  }

  @Provide
  Arbitrary<List<Finding>> findings() {
    Arbitrary<Finding> finding =
        Combinators.combine(
                Arbitraries.of("A", "B", "C", "D"),
                Arbitraries.integers().between(0, 80),
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(1, 0),
                    net.jqwik.api.Tuple.of(30, 1),
                    net.jqwik.api.Tuple.of(30, 4),
                    net.jqwik.api.Tuple.of(20, 11),
                    net.jqwik.api.Tuple.of(5, 30)),
                Arbitraries.of(Confidence.class))
            .as(
                (type, start, length, conf) ->
                    new Finding(type, start, start + length, conf, Set.of()));
    return finding.list().ofMaxSize(30);
  }
}
