package dev.warden.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Command-line flags of {@link LoadBenchmark}. */
record BenchOptions(
    Duration prewarm,
    Duration warmup,
    Duration duration,
    List<Integer> concurrency,
    List<String> payloads,
    Path out,
    Path workDir,
    Path wardenJar,
    boolean audit,
    boolean inspection,
    int eventLoops,
    List<String> gatewayJvmArgs,
    List<String> upstreamJvmArgs,
    List<BenchCase> cases) {

  static final String USAGE =
      """
      Usage: bench/run.sh [options]
        --prewarm DURATION       once, before the matrix: load on both paths so the JIT has
                                 compiled the gateway and upstream (default 60s; 0 skips)
        --warmup DURATION        warm-up per run before measuring (default 3s)
        --duration DURATION      measured time per run (default 8s)
        --concurrency LIST       closed-loop workers per run (default 1,16,64)
        --payloads LIST          tools/call result sizes (default 1k,64k)
        --out FILE               Markdown results (default bench/target/results.md)
        --work-dir DIR           logs, gateway config and data (default bench/target/bench-run)
        --warden-jar FILE        the gateway jar, run as java -jar FILE serve --config
                                 (default warden/target/warden.jar)
        --audit on|off           the gateway's audit trail (default on, as shipped)
        --inspection on|off      sensitive-data rules (default on, as shipped); off adds a
                                 catch-all allow rule, so answers stream through unread
        --era LIST               protocol era the load generator speaks: 2025 (2025-11-25,
                                 sessions) and/or 2026 (2026-07-28, stateless) (default 2025)
        --transport LIST         how the gateway reaches the upstream: http and/or stdio
                                 (default http); each era runs with each transport
        --event-loops N          the gateway's limits.event-loops (default: its own, one per
                                 processor; 0 serves connections on threads, ADR 0006)
        --gateway-jvm-args ARGS  extra JVM flags for the gateway, space-separated
        --upstream-jvm-args ARGS extra JVM flags for the upstream, space-separated
      DURATION: 8, 8s, 500ms, 1m. Paths are relative to the repository root.
      """;

  private static final java.util.Set<String> FLAGS =
      java.util.Set.of(
          "--prewarm",
          "--warmup",
          "--duration",
          "--concurrency",
          "--payloads",
          "--out",
          "--work-dir",
          "--warden-jar",
          "--audit",
          "--inspection",
          "--era",
          "--transport",
          "--event-loops",
          "--gateway-jvm-args",
          "--upstream-jvm-args");

  static BenchOptions defaults() {
    return new BenchOptions(
        Duration.ofSeconds(60),
        Duration.ofSeconds(3),
        Duration.ofSeconds(8),
        List.of(1, 16, 64),
        List.of("1k", "64k"),
        Path.of("bench/target/results.md"),
        Path.of("bench/target/bench-run"),
        Path.of("warden/target/warden.jar"),
        true,
        true,
        DEFAULT_LOOPS,
        List.of(),
        List.of(),
        List.of(BenchCase.DEFAULT));
  }

  /** Parses flags; throws IllegalArgumentException with a readable message on bad input. */
  static BenchOptions parse(String... args) {
    BenchOptions o = defaults();
    List<BenchCase.Era> eras = List.of(BenchCase.Era.V2025);
    List<BenchCase.Transport> transports = List.of(BenchCase.Transport.HTTP);
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value = null;
      int eq = flag.indexOf('=');
      if (eq > 0) {
        value = flag.substring(eq + 1);
        flag = flag.substring(0, eq);
      }
      if (!FLAGS.contains(flag)) {
        throw new IllegalArgumentException("unknown option " + flag);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        value = args[++i];
      }
      o =
          switch (flag) {
            case "--prewarm" ->
                o.with(duration(value), o.warmup, o.duration, o.concurrency, o.payloads);
            case "--warmup" ->
                o.with(o.prewarm, duration(value), o.duration, o.concurrency, o.payloads);
            case "--duration" ->
                o.with(o.prewarm, o.warmup, duration(value), o.concurrency, o.payloads);
            case "--concurrency" ->
                o.with(o.prewarm, o.warmup, o.duration, ints(value), o.payloads);
            case "--payloads" ->
                o.with(o.prewarm, o.warmup, o.duration, o.concurrency, sizes(value));
            case "--out" -> o.paths(Path.of(value), o.workDir, o.wardenJar);
            case "--work-dir" -> o.paths(o.out, Path.of(value), o.wardenJar);
            case "--warden-jar" -> o.paths(o.out, o.workDir, Path.of(value));
            case "--audit" -> o.switches(onOff(flag, value), o.inspection);
            case "--inspection" -> o.switches(o.audit, onOff(flag, value));
            case "--era" -> {
              eras = list(value, BenchCase.Era::of);
              yield o;
            }
            case "--transport" -> {
              transports = list(value, BenchCase.Transport::of);
              yield o;
            }
            case "--event-loops" -> o.loops(loopCount(value));
            case "--gateway-jvm-args" -> o.jvmArgs(words(value), o.upstreamJvmArgs);
            case "--upstream-jvm-args" -> o.jvmArgs(o.gatewayJvmArgs, words(value));
            default -> throw new IllegalArgumentException("unknown option " + flag);
          };
    }
    o = o.withCases(cases(transports, eras));
    if (o.warmup.isNegative() || o.prewarm.isNegative()) {
      throw new IllegalArgumentException("--warmup and --prewarm must not be negative");
    }
    if (o.duration.isZero() || o.duration.isNegative()) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    return o;
  }

  /** Parses {@code 8}, {@code 8s}, {@code 500ms} or {@code 1m}. */
  static Duration duration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      } else if (s.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
      } else if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 8s, 500ms)");
    }
  }

  private static List<Integer> ints(String list) {
    List<Integer> out = new ArrayList<>();
    for (String s : list.split(",")) {
      try {
        int c = Integer.parseInt(s.trim());
        if (c < 1 || c > 1024) {
          throw new IllegalArgumentException("concurrency must be 1..1024, got " + c);
        }
        out.add(c);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a concurrency list: '" + list + "'");
      }
    }
    return List.copyOf(out);
  }

  private static List<String> sizes(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String label = s.trim().toLowerCase(Locale.ROOT);
      if (PayloadText.parseSize(label) < PayloadText.MIN_BYTES) {
        throw new IllegalArgumentException("payloads must be at least " + PayloadText.MIN_BYTES);
      }
      out.add(label);
    }
    return List.copyOf(out);
  }

  /** Each transport with each era, in the order given. */
  static List<BenchCase> cases(List<BenchCase.Transport> transports, List<BenchCase.Era> eras) {
    List<BenchCase> out = new ArrayList<>();
    for (BenchCase.Transport t : transports) {
      for (BenchCase.Era e : eras) {
        out.add(new BenchCase(e, t));
      }
    }
    return List.copyOf(out);
  }

  /** True when some case reaches the upstream over stdio. */
  boolean stdio() {
    return cases.stream().anyMatch(c -> c.transport() == BenchCase.Transport.STDIO);
  }

  private static <T> List<T> list(String value, java.util.function.Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String s : value.split(",")) {
      T t = parse.apply(s);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private static boolean onOff(String flag, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(flag + " is on or off, got " + value);
    };
  }

  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  private BenchOptions with(Duration pre, Duration w, Duration d, List<Integer> c, List<String> p) {
    return new BenchOptions(
        pre,
        w,
        d,
        c,
        p,
        out,
        workDir,
        wardenJar,
        audit,
        inspection,
        eventLoops,
        gatewayJvmArgs,
        upstreamJvmArgs,
        cases);
  }

  private BenchOptions paths(Path o, Path w, Path jar) {
    return new BenchOptions(
        prewarm,
        warmup,
        duration,
        concurrency,
        payloads,
        o,
        w,
        jar,
        audit,
        inspection,
        eventLoops,
        gatewayJvmArgs,
        upstreamJvmArgs,
        cases);
  }

  /** The gateway's own default number of event loops: the benchmark writes no such limit. */
  static final int DEFAULT_LOOPS = -1;

  private static int loopCount(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0 && n <= 256) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException("--event-loops must be a whole number from 0 to 256");
  }

  private BenchOptions loops(int n) {
    return gateway(audit, inspection, n, gatewayJvmArgs, upstreamJvmArgs);
  }

  private BenchOptions jvmArgs(List<String> gateway, List<String> upstream) {
    return gateway(audit, inspection, eventLoops, gateway, upstream);
  }

  private BenchOptions switches(boolean a, boolean i) {
    return gateway(a, i, eventLoops, gatewayJvmArgs, upstreamJvmArgs);
  }

  /** These options with the gateway's (and its upstream's) settings replaced. */
  private BenchOptions gateway(
      boolean a, boolean i, int loops, List<String> gatewayArgs, List<String> upstreamArgs) {
    return new BenchOptions(
        prewarm,
        warmup,
        duration,
        concurrency,
        payloads,
        out,
        workDir,
        wardenJar,
        a,
        i,
        loops,
        gatewayArgs,
        upstreamArgs,
        cases);
  }

  private BenchOptions withCases(List<BenchCase> c) {
    return new BenchOptions(
        prewarm,
        warmup,
        duration,
        concurrency,
        payloads,
        out,
        workDir,
        wardenJar,
        audit,
        inspection,
        eventLoops,
        gatewayJvmArgs,
        upstreamJvmArgs,
        c);
  }
}
