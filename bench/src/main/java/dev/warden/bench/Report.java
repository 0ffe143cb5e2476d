package dev.warden.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The Markdown report: comparison table, verdict per target, then every run in detail. */
final class Report {
  /**
   * Direct and through-the-gateway runs of the same case, payload and concurrency, back to back.
   *
   * @param label the case, e.g. {@code http · 2025-11-25} (see {@link BenchCase#label})
   */
  record Comparison(String label, Measurement direct, Measurement gateway) {
    double ratio() {
      return gateway.callsPerSecond() / direct.callsPerSecond();
    }

    double addedMillis(double percentile) {
      return gateway.latencyMillis(percentile) - direct.latencyMillis(percentile);
    }

    boolean is(String label, String payload, int concurrency) {
      return this.label.equals(label)
          && direct.payload().equals(payload)
          && direct.concurrency() == concurrency;
    }
  }

  /** A target from the issue, checked on one cell of the matrix. */
  record Target(
      String text,
      String payload,
      int concurrency,
      ToDoubleFunction<Comparison> metric,
      boolean atLeast,
      double bound,
      String format) {

    String verdict(List<Comparison> rows) {
      return verdict(rows, BenchCase.DEFAULT.label());
    }

    /** The verdict on the rows of case {@code label}. */
    String verdict(List<Comparison> rows, String label) {
      for (Comparison c : rows) {
        if (c.is(label, payload, concurrency)) {
          double v = metric.applyAsDouble(c);
          boolean met = atLeast ? v >= bound : v <= bound;
          return (met ? "**met**" : "**missed**") + " — " + text + ": " + fmt(format, v);
        }
      }
      return "not measured — " + text + " (run " + payload + " at concurrency " + concurrency + ")";
    }
  }

  static final List<Target> TARGETS =
      List.of(
          new Target(
              "throughput ≥ 0.6× direct at 1 KB, concurrency 16",
              "1k",
              16,
              Comparison::ratio,
              true,
              0.6,
              "%.2f×"),
          new Target(
              "added p50 ≤ 0.5 ms at 1 KB, concurrency 16",
              "1k",
              16,
              c -> c.addedMillis(50),
              false,
              0.5,
              "%.3f ms"),
          new Target(
              "throughput ≥ 0.5× direct at 64 KB, concurrency 16",
              "64k",
              16,
              Comparison::ratio,
              true,
              0.5,
              "%.2f×"));

  private Report() {}

  static String markdown(String heading, List<String> context, List<Comparison> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(heading).append("\n\n");
    for (String line : context) {
      sb.append("- ").append(line).append('\n');
    }
    String busy = otherLoadWarning(rows);
    if (busy != null) {
      sb.append("- ").append(busy).append('\n');
    }
    sb.append('\n').append(comparisonTable(rows)).append('\n');
    sb.append("### Targets\n\n");
    List<String> labels = labels(rows);
    for (String label : labels) {
      if (labels.size() > 1) {
        sb.append("- ").append(label).append(":\n");
      }
      for (String v : verdicts(rows, label)) {
        sb.append(labels.size() > 1 ? "  - " : "- ").append(v).append('\n');
      }
    }
    sb.append("\n### Every run\n\n").append(runTable(rows));
    return sb.toString();
  }

  /** Most CPU other processes took in one run above which the figures are suspect. */
  static final double OTHER_LOAD_LIMIT = 0.1;

  /** A warning when other processes used the machine noticeably during some run, else null. */
  static String otherLoadWarning(List<Comparison> rows) {
    double worst = 0;
    for (Comparison c : rows) {
      for (Measurement m : List.of(c.direct(), c.gateway())) {
        if (!Double.isNaN(m.otherCpus())) {
          worst = Math.max(worst, m.otherCpus());
        }
      }
    }
    return worst <= OTHER_LOAD_LIMIT
        ? null
        : "**Warning:** other processes used up to "
            + fmt("%.2f", worst)
            + " CPUs during a measured run (see the last column below); rerun on a quiet machine.";
  }

  static List<String> verdicts(List<Comparison> rows) {
    return verdicts(rows, BenchCase.DEFAULT.label());
  }

  static List<String> verdicts(List<Comparison> rows, String label) {
    List<String> out = new ArrayList<>();
    for (Target t : TARGETS) {
      out.add(t.verdict(rows, label));
    }
    return out;
  }

  /** The cases of the rows, in order of appearance (the default case when there are none). */
  static List<String> labels(List<Comparison> rows) {
    List<String> out = new ArrayList<>();
    for (Comparison c : rows) {
      if (!out.contains(c.label())) {
        out.add(c.label());
      }
    }
    return out.isEmpty() ? List.of(BenchCase.DEFAULT.label()) : out;
  }

  static String comparisonTable(List<Comparison> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| case | payload | c | direct calls/s | gateway calls/s | ratio | direct p50 / p90 / p99 ms"
            + " | gateway p50 / p90 / p99 ms | added p50 ms | added p99 ms"
            + " | gateway CPU µs/call | upstream CPU µs/call |\n");
    sb.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Comparison c : rows) {
      Measurement d = c.direct();
      Measurement g = c.gateway();
      sb.append("| ")
          .append(c.label())
          .append(" | ")
          .append(d.payload())
          .append(" | ")
          .append(d.concurrency())
          .append(" | ")
          .append(fmt("%.0f", d.callsPerSecond()))
          .append(" | ")
          .append(fmt("%.0f", g.callsPerSecond()))
          .append(" | ")
          .append(fmt("%.2f", c.ratio()))
          .append(" | ")
          .append(percentiles(d))
          .append(" | ")
          .append(percentiles(g))
          .append(" | ")
          .append(fmt("%+.3f", c.addedMillis(50)))
          .append(" | ")
          .append(fmt("%+.3f", c.addedMillis(99)))
          .append(" | ")
          .append(fmt("%.0f", g.cpuMicrosPerCall("gateway")))
          .append(" | ")
          .append(fmt("%.0f", g.cpuMicrosPerCall("upstream")))
          .append(" |\n");
    }
    return sb.toString();
  }

  static String runTable(List<Comparison> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| case | run | payload | c | calls | calls/s | p50 ms | p90 ms | p99 ms | max ms"
            + " | CPU µs/call: gateway | upstream | load generator | other load (CPUs) |\n");
    sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Comparison c : rows) {
      for (Measurement m : List.of(c.direct(), c.gateway())) {
        sb.append("| ")
            .append(c.label())
            .append(" | ")
            .append(m.mode())
            .append(" | ")
            .append(m.payload())
            .append(" | ")
            .append(m.concurrency())
            .append(" | ")
            .append(m.calls())
            .append(" | ")
            .append(fmt("%.0f", m.callsPerSecond()))
            .append(" | ")
            .append(fmt("%.3f", m.latencyMillis(50)))
            .append(" | ")
            .append(fmt("%.3f", m.latencyMillis(90)))
            .append(" | ")
            .append(fmt("%.3f", m.latencyMillis(99)))
            .append(" | ")
            .append(fmt("%.3f", m.latencyMillis(100)))
            .append(" | ")
            .append(fmt("%.0f", m.cpuMicrosPerCall("gateway")))
            .append(" | ")
            .append(fmt("%.0f", m.cpuMicrosPerCall("upstream")))
            .append(" | ")
            .append(fmt("%.0f", m.cpuMicrosPerCall("loadgen")))
            .append(" | ")
            .append(fmt("%.2f", m.otherCpus()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String percentiles(Measurement m) {
    return fmt("%.3f", m.latencyMillis(50))
        + " / "
        + fmt("%.3f", m.latencyMillis(90))
        + " / "
        + fmt("%.3f", m.latencyMillis(99));
  }

  static String fmt(String format, double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
  }
}
