package dev.warden.bench.jmh;

import dev.warden.bench.PayloadText;
import dev.warden.inspect.DetectionEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The detection engine's throughput per CPU-second of the scanning thread: a figure that holds on a
 * loaded machine, where JMH's wall-clock figures mostly measure the other load. Scans each payload
 * of {@link DetectionBenchmark} (sparse, dense) and the load benchmark's ticket text (1 KiB and 64
 * KiB) in rounds of about 1 MiB, and prints the median of the later rounds in MiB per CPU-second,
 * and their 90th percentile: the rounds least slowed by what else the machine runs (a busy
 * neighbour on the core's caches slows the CPU-second too).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp … dev.warden.bench.jmh.EngineCpuTime
 * [rounds [payload …]]} (the Vector API on, as {@code bin/warden} starts the gateway; without it
 * the base64 pass probes char by char instead; default 150 rounds, every payload).
 */
public final class EngineCpuTime {
  private EngineCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    DetectionEngine engine = DetectionEngine.builtIn();
    System.out.println(
        "Vector API "
            + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off"));
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    String[] names = {"sparse", "dense", "tickets-1k", "tickets-64k"};
    String[] texts = {
      Payloads.json(new Random(42), DetectionBenchmark.MIB, 24),
      Payloads.json(new Random(42), DetectionBenchmark.MIB, 1),
      PayloadText.of(1024),
      PayloadText.of(64 * 1024)
    };
    for (int p = 0; p < names.length; p++) {
      if (args.length > 1 && !Arrays.asList(args).subList(1, args.length).contains(names[p])) {
        continue;
      }
      String text = texts[p];
      int repeat = Math.max(1, DetectionBenchmark.MIB / text.length());
      double mib = (double) text.length() * repeat / DetectionBenchmark.MIB;
      double[] rates = new double[rounds];
      int found = engine.scan(text).size();
      for (int r = 0; r < rounds; r++) {
        long start = bean.getCurrentThreadCpuTime();
        for (int k = 0; k < repeat; k++) {
          found += engine.scan(text).size() > 1_000_000 ? 1 : 0;
        }
        rates[r] = mib / ((bean.getCurrentThreadCpuTime() - start) / 1e9);
      }
      double[] late = Arrays.copyOfRange(rates, rounds / 2, rounds);
      Arrays.sort(late);
      System.out.printf(
          Locale.ROOT,
          "%-12s %8d chars %5d findings  %7.1f MiB per CPU-second (median of last %d; their"
              + " 90th percentile %.1f)%n",
          names[p],
          text.length(),
          engine.scan(text).size(),
          late[late.length / 2],
          late.length,
          late[late.length * 9 / 10]);
    }
  }
}
