package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void comparesThroughputAndLatencyOfTheTwoPaths() {
    Report.Comparison c =
        new Report.Comparison(
            BenchCase.DEFAULT.label(),
            run("direct", "1k", 16, 10_000, 400_000),
            run("gateway", "1k", 16, 7_000, 650_000));
    assertThat(c.ratio()).isEqualTo(0.7);
    assertThat(c.addedMillis(50)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void formatsTheTableAndJudgesEachTarget() {
    List<Report.Comparison> rows =
        List.of(
            new Report.Comparison(
                BenchCase.DEFAULT.label(),
                run("direct", "1k", 16, 10_000, 400_000),
                run("gateway", "1k", 16, 7_000, 650_000)),
            new Report.Comparison(
                BenchCase.DEFAULT.label(),
                run("direct", "64k", 16, 4_000, 1_000_000),
                run("gateway", "64k", 16, 1_000, 3_000_000)));
    String md = Report.markdown("Results", List.of("Machine: test"), rows);
    assertThat(md)
        .contains(
            "| http · 2025-11-25 | 1k | 16 | 10000 | 7000 | 0.70 | 0.400 / 0.400 / 0.400 | 0.650 / 0.650 / 0.650"
                + " | +0.250 | +0.250 | 100 | 50 |")
        .contains("- Machine: test")
        .contains("**met** — throughput ≥ 0.6× direct at 1 KB, concurrency 16: 0.70×")
        .contains("**met** — added p50 ≤ 0.5 ms at 1 KB, concurrency 16: 0.250 ms")
        .contains("**missed** — throughput ≥ 0.5× direct at 64 KB, concurrency 16: 0.25×")
        .contains("| http · 2025-11-25 | gateway | 64k | 16 | 1000 | 1000 | 3.000 |");
  }

  @Test
  void saysWhenATargetWasNotMeasured() {
    assertThat(Report.verdicts(List.of()))
        .allMatch(v -> v.startsWith("not measured"))
        .hasSize(Report.TARGETS.size());
  }

  @Test
  void warnsWhenOtherProcessesLoadedTheMachine() {
    Measurement quiet = run("direct", "1k", 1, 1000, 100_000);
    Measurement busy =
        new Measurement(
            "gateway",
            "1k",
            1,
            1000,
            1_000_000_000L,
            quiet.latency(),
            Map.of("gateway", 300_000L, "upstream", 100_000L, Measurement.MACHINE, 900_000L));
    assertThat(busy.otherCpus()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(quiet.otherCpus()).isNaN();
    assertThat(
            Report.otherLoadWarning(
                List.of(new Report.Comparison(BenchCase.DEFAULT.label(), quiet, busy))))
        .contains("up to 0.50 CPUs");
    assertThat(
            Report.otherLoadWarning(
                List.of(new Report.Comparison(BenchCase.DEFAULT.label(), quiet, quiet))))
        .isNull();
  }

  /** One second of {@code calls} calls all taking {@code nanos}; gateway 100 µs, upstream 50. */
  private static Measurement run(String mode, String payload, int c, long calls, long nanos) {
    Histogram h = new Histogram(60_000_000_000L, 3);
    h.recordValueWithCount(nanos, calls);
    return new Measurement(
        mode,
        payload,
        c,
        calls,
        1_000_000_000L,
        h,
        Map.of("gateway", calls * 100, "upstream", calls * 50, "loadgen", calls * 10));
  }
}
