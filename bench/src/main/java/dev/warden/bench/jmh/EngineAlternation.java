package dev.warden.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Two or more builds of the detection engine in one JVM, each in a class loader of its own, taking
 * turns on the same payload (about 1 MiB a round): a machine's slow spells then fall on every build
 * alike, and the ratio of each round's figures says more than figures of separate runs. Prints, per
 * build, the median MiB per CPU-second of the later rounds and the median of its per-round ratio to
 * the first build. The order alternates every round, yet the first build still tends to gain a few
 * percent (run each pair both ways).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/classes:DEPENDENCIES
 * dev.warden.bench.jmh.EngineAlternation rounds sparse|dense|tickets-1k|tickets-64k JAR JAR…},
 * where each JAR is a plain {@code warden} jar ({@code warden/target/warden-*-SNAPSHOT.jar}) and
 * DEPENDENCIES its dependencies without it.
 */
public final class EngineAlternation {
  private EngineAlternation() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: EngineAlternation rounds sparse|dense|tickets-1k|tickets-64k JAR JAR...");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    String text =
        switch (args[1]) {
          case "dense" -> Payloads.json(new Random(42), DetectionBenchmark.MIB, 1);
          case "sparse" -> Payloads.json(new Random(42), DetectionBenchmark.MIB, 24);
          case "tickets-1k" -> dev.warden.bench.PayloadText.of(1024);
          case "tickets-64k" -> dev.warden.bench.PayloadText.of(64 * 1024);
          default -> throw new IllegalArgumentException("no such payload: " + args[1]);
        };
    // A round scans about 1 MiB: a short text over and over.
    int repeat = Math.max(1, DetectionBenchmark.MIB / text.length());
    double mib = (double) text.length() * repeat / DetectionBenchmark.MIB;
    List<String> jars = Arrays.asList(args).subList(2, args.length);
    List<URL> dependencies = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      // The engine comes from each JAR, not from the class path's warden jar.
      if (!Path.of(entry).getFileName().toString().startsWith("warden-")) {
        dependencies.add(Path.of(entry).toUri().toURL());
      }
    }
    Object[] engines = new Object[jars.size()];
    Method[] scans = new Method[jars.size()];
    for (int j = 0; j < jars.size(); j++) {
      List<URL> urls = new ArrayList<>(List.of(Path.of(jars.get(j)).toUri().toURL()));
      urls.addAll(dependencies);
      ClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> engine = loader.loadClass("dev.warden.inspect.DetectionEngine");
      engines[j] = engine.getMethod("builtIn").invoke(null);
      scans[j] = engine.getMethod("scan", CharSequence.class);
      System.out.printf(
          "%s: %d findings%n", jars.get(j), ((List<?>) scans[j].invoke(engines[j], text)).size());
    }
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    double[][] rates = new double[jars.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < jars.size(); k++) {
        int j = r % 2 == 0 ? k : jars.size() - 1 - k;
        long start = bean.getCurrentThreadCpuTime();
        for (int k2 = 0; k2 < repeat; k2++) {
          scans[j].invoke(engines[j], text);
        }
        rates[j][r] = mib * 1e9 / (bean.getCurrentThreadCpuTime() - start);
      }
    }
    for (int j = 0; j < jars.size(); j++) {
      double[] late = Arrays.copyOfRange(rates[j], rounds / 2, rounds);
      double[] ratios = new double[late.length];
      for (int r = 0; r < late.length; r++) {
        ratios[r] = late[r] / rates[0][rounds / 2 + r];
      }
      Arrays.sort(late);
      Arrays.sort(ratios);
      System.out.printf(
          Locale.ROOT,
          "%-40s %s: %.1f MiB per CPU-second (median of last %d), %.3f× the first%n",
          jars.get(j),
          args[1],
          late[late.length / 2],
          late.length,
          ratios[ratios.length / 2]);
    }
  }
}
