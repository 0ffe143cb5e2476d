package dev.warden.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured run: calls completed inside the measurement window, their latency and the CPU time
 * each watched process spent in the same window.
 *
 * @param mode {@code direct} or {@code gateway}
 * @param latency call latency in nanoseconds
 * @param cpuMicros CPU time per watched process ({@code gateway}, {@code upstream}, {@code
 *     loadgen}) and of the whole machine ({@link #MACHINE}) spent during the window
 */
record Measurement(
    String mode,
    String payload,
    int concurrency,
    long calls,
    long elapsedNanos,
    Histogram latency,
    Map<String, Long> cpuMicros) {
  static final String MACHINE = "machine";

  double callsPerSecond() {
    return elapsedNanos == 0 ? 0 : calls * 1e9 / elapsedNanos;
  }

  /** Latency at {@code percentile} (0-100) in milliseconds. */
  double latencyMillis(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1e6;
  }

  /**
   * CPU the rest of the machine used during the window, in CPUs (0.5 = half a core): other
   * processes competing with the benchmark. NaN when the machine was not sampled.
   */
  double otherCpus() {
    Long machine = cpuMicros.get(MACHINE);
    if (machine == null || elapsedNanos == 0) {
      return Double.NaN;
    }
    long ours = 0;
    for (var e : cpuMicros.entrySet()) {
      if (!e.getKey().equals(MACHINE)) {
        ours += e.getValue();
      }
    }
    return Math.max(0, machine - ours) * 1000.0 / elapsedNanos;
  }

  /** CPU µs per call of a watched process; NaN when it was not watched in this run. */
  double cpuMicrosPerCall(String process) {
    Long micros = cpuMicros.get(process);
    return micros == null || calls == 0 ? Double.NaN : (double) micros / calls;
  }
}
