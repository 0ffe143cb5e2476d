package dev.warden.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One closed loop of a run: at most one call in flight, the next sent from the completion of the
 * previous. Completions of one loop never overlap, so its fields need no locking; the run reads
 * them after {@link RunState#done} opens. {@link #measure} runs a set of loops through a warm-up
 * and a measured window, whatever carries their calls (HTTP, a pipe).
 */
abstract class Loop {
  static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int MAX_ERRORS = 100;

  /** Shared by the loops of one run. */
  static final class RunState {
    static final int WARMUP = 0;
    static final int MEASURE = 1;
    static final int STOP = 2;

    volatile int phase = WARMUP;
    final CountDownLatch done;

    RunState(int loops) {
      done = new CountDownLatch(loops);
    }
  }

  final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
  long calls;
  long errors;
  String firstError;
  final RunState state;

  Loop(RunState state) {
    this.state = state;
  }

  /** Sends the next call, or ends this loop (see {@link #ended}). */
  abstract void next();

  /** True, and the loop counted as done, when the run stops or too many calls failed. */
  final boolean ended() {
    if (state.phase == RunState.STOP || errors >= MAX_ERRORS) {
      state.done.countDown();
      return true;
    }
    return false;
  }

  /** Records a finished call: {@code problem} null when its reply was right. */
  final void finished(long nanos, String problem) {
    if (problem != null) {
      errors++;
      if (firstError == null) {
        firstError = problem;
      }
    } else if (state.phase == RunState.MEASURE) {
      latency.recordValue(Math.min(nanos, MAX_LATENCY_NANOS));
      calls++;
    }
  }

  /**
   * Starts the loops, lets them warm up, then measures for {@code measure}; CPU time of {@code
   * watched} processes (name to pid) is sampled at the edges of the measured window. Any failed
   * call fails the run.
   */
  static Measurement measure(
      String mode,
      String payload,
      List<? extends Loop> loops,
      RunState state,
      Duration warmup,
      Duration measure,
      Map<String, Long> watched)
      throws InterruptedException {
    loops.forEach(Loop::next);
    Thread.sleep(warmup);
    Map<String, Long> cpuBefore = sample(watched);
    state.phase = RunState.MEASURE;
    long start = System.nanoTime();
    Thread.sleep(measure);
    state.phase = RunState.STOP;
    long elapsed = System.nanoTime() - start;
    Map<String, Long> cpuAfter = sample(watched);
    if (!state.done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls still in flight 60 s after the run ended");
    }
    Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    long calls = 0;
    long errors = loops.stream().mapToLong(l -> l.errors).sum();
    for (Loop l : loops) {
      if (l.errors > 0) {
        throw new IllegalStateException(
            mode
                + " "
                + payload
                + " c="
                + loops.size()
                + ": "
                + errors
                + " errors; first: "
                + l.firstError);
      }
      latency.add(l.latency);
      calls += l.calls;
    }
    Map<String, Long> cpu = new LinkedHashMap<>();
    cpuAfter.forEach((name, after) -> cpu.put(name, after - cpuBefore.get(name)));
    return new Measurement(mode, payload, loops.size(), calls, elapsed, latency, cpu);
  }

  /** CPU time so far of each watched process, and of the whole machine under {@code machine}. */
  private static Map<String, Long> sample(Map<String, Long> watched) {
    Map<String, Long> out = new LinkedHashMap<>();
    watched.forEach((name, pid) -> out.put(name, ProcStat.cpuMicros(pid)));
    out.put(Measurement.MACHINE, ProcStat.machineBusyMicros());
    return out;
  }
}
