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
 *     loadgen}) spent during the window
 */
record Measurement(
    String mode,
    String payload,
    int concurrency,
    long calls,
    long elapsedNanos,
    Histogram latency,
    Map<String, Long> cpuMicros) {

  double callsPerSecond() {
    return elapsedNanos == 0 ? 0 : calls * 1e9 / elapsedNanos;
  }

  /** Latency at {@code percentile} (0-100) in milliseconds. */
  double latencyMillis(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1e6;
  }

  /** CPU µs per call of a watched process; NaN when it was not watched in this run. */
  double cpuMicrosPerCall(String process) {
    Long micros = cpuMicros.get(process);
    return micros == null || calls == 0 ? Double.NaN : (double) micros / calls;
  }
}
