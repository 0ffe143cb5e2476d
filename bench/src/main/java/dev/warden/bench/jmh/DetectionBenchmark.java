package dev.warden.bench.jmh;

import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Finding;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The detection engine alone, one thread (so the figure is per core), on 1 MiB of realistic JSON
 * tool payloads: {@code sparse} carries one sensitive value per ~8 KB, {@code dense} one in every
 * record. Each operation scans exactly 1 MiB, so operations per second read as MiB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// As bin/warden starts the gateway: the Vector API on (the base64 pass reads 64 bytes at a time).
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class DetectionBenchmark {
  static final int MIB = 1 << 20;

  @Param({"sparse", "dense"})
  public String hits;

  private DetectionEngine engine;
  private String payload;

  @Setup
  public void setUp() {
    engine = DetectionEngine.builtIn();
    payload = Payloads.json(new Random(42), MIB, hits.equals("dense") ? 1 : 24);
    int found = engine.scan(payload).size();
    System.out.printf("%n%s payload: %d chars, %d findings%n", hits, payload.length(), found);
  }

  @Benchmark
  public List<Finding> scan() {
    return engine.scan(payload);
  }
}
