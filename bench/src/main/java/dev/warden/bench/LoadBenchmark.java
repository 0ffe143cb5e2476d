package dev.warden.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The load benchmark: starts {@link FastUpstream} and the gateway as child processes on 127.0.0.1,
 * then for each payload and concurrency runs the same closed-loop load directly against the
 * upstream and through the gateway, back to back, and reports throughput, latency and CPU per call.
 * Run it with {@code bench/run.sh [options]}; {@code --help} lists the options.
 */
public final class LoadBenchmark {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int PREWARM_CONCURRENCY = 16;

  /**
   * The pre-warm load comes in rounds, each opening and closing its sessions, so the JIT sees
   * sessions start and end, and idle paths, before the matrix: compiled from calls alone, the hot
   * methods are thrown out (uncommon traps) at the first session end and recompiled during the next
   * measured run, which then counts the compiler's CPU as the gateway's.
   */
  private static final int PREWARM_ROUNDS = 3;

  private final BenchOptions options;
  private final Launcher launcher;

  private LoadBenchmark(BenchOptions options) {
    this.options = options;
    this.launcher = new Launcher(options, options.workDir().toAbsolutePath());
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    LoadBenchmark bench = new LoadBenchmark(options);
    Thread cleanup = new Thread(bench.launcher::close, "stop-children");
    Runtime.getRuntime().addShutdownHook(cleanup);
    int code = 0;
    try {
      bench.run(String.join(" ", args));
    } catch (Exception e) {
      System.err.println("benchmark failed: " + e.getMessage());
      bench.launcher.tails().forEach(System.err::println);
      code = 1;
    } finally {
      bench.launcher.close();
    }
    System.exit(code);
  }

  /** One side of a comparison: runs the load and measures it. */
  @FunctionalInterface
  private interface Side {
    Measurement run(String payload, int c, Duration warmup, Duration measure) throws Exception;
  }

  /** A case of the matrix with its two sides. */
  private record Paths(BenchCase benchCase, Side direct, Side gateway) {}

  private void run(String argLine) throws Exception {
    Machine machine = Machine.current();
    System.out.println("machine: " + machine.describe());
    Path work = options.workDir().toAbsolutePath();
    Files.createDirectories(work);

    ChildProcess upstream = launcher.startUpstream();
    int upstreamPort = Integer.parseInt(upstream.awaitMarker(START_TIMEOUT));
    String key = "bench-" + UUID.randomUUID();
    int gatewayPort = Launcher.freePort();
    ChildProcess gateway = launcher.startGateway(upstreamPort, gatewayPort, key);
    URI direct = URI.create("http://127.0.0.1:" + upstreamPort + "/mcp");
    URI through =
        URI.create(
            "http://127.0.0.1:" + gatewayPort + "/personas/" + GatewayConfig.PERSONA + "/mcp");

    List<Report.Comparison> rows = new ArrayList<>();
    try (LoadGenerator load = new LoadGenerator();
        StdioDriver driver = options.stdio() ? launcher.startStdioDriver() : null) {
      for (BenchCase c : options.cases()) {
        awaitGateway(load, gateway, gatewayEndpoint(through, key, c));
      }
      List<Paths> cases = new ArrayList<>();
      long stdioPid = options.stdio() ? stdioChild(gateway.pid()) : -1;
      for (BenchCase c : options.cases()) {
        cases.add(paths(c, load, driver, direct, through, key, gateway.pid(), upstream.pid()));
      }
      System.out.printf(
          "upstream pid %d, gateway pid %d%s; warm-up %s, measure %s per run%n",
          upstream.pid(),
          gateway.pid(),
          stdioPid < 0
              ? ""
              : ", gateway's stdio upstream pid " + stdioPid + ", direct stdio pid " + driver.pid(),
          options.warmup(),
          options.duration());
      prewarm(cases);
      for (Paths p : cases) {
        for (String payload : options.payloads()) {
          for (int c : options.concurrency()) {
            Measurement d = measure(p.benchCase(), "direct", p.direct(), payload, c);
            Measurement g = measure(p.benchCase(), "gateway", p.gateway(), payload, c);
            Report.Comparison row = new Report.Comparison(p.benchCase().label(), d, g);
            rows.add(row);
            System.out.printf(
                "  => ratio %.2f, added p50 %+.3f ms, added p99 %+.3f ms%n",
                row.ratio(), row.addedMillis(50), row.addedMillis(99));
            requireAlive(upstream, gateway);
            if (stdioPid >= 0 && ProcessHandle.of(stdioPid).isEmpty()) {
              throw new IllegalStateException("the gateway's stdio upstream exited");
            }
          }
        }
      }
    }
    String report = Report.markdown("Results", context(machine, argLine), rows);
    System.out.println();
    System.out.println(report);
    Path out = options.out().toAbsolutePath();
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out);
  }

  /** The two sides of case {@code c}; see {@link BenchCase} for what each compares. */
  private Paths paths(
      BenchCase c,
      LoadGenerator load,
      StdioDriver driver,
      URI direct,
      URI through,
      String key,
      long gatewayPid,
      long upstreamPid)
      throws Exception {
    Endpoint gatewayEndpoint = gatewayEndpoint(through, key, c);
    if (c.transport() == BenchCase.Transport.HTTP) {
      Map<String, Long> watched = watched(gatewayPid, upstreamPid);
      Endpoint d = new Endpoint("direct", direct, null, "", c.era());
      return new Paths(
          c,
          (payload, n, w, m) -> load.run(d, payload, n, w, m, watched),
          (payload, n, w, m) -> load.run(gatewayEndpoint, payload, n, w, m, watched));
    }
    Map<String, Long> directWatched = watched(gatewayPid, driver.pid());
    Map<String, Long> gatewayWatched = watched(gatewayPid, stdioChild(gatewayPid));
    return new Paths(
        c,
        (payload, n, w, m) -> driver.run(payload, n, w, m, directWatched),
        (payload, n, w, m) -> load.run(gatewayEndpoint, payload, n, w, m, gatewayWatched));
  }

  private static Endpoint gatewayEndpoint(URI through, String key, BenchCase c) {
    String server =
        c.transport() == BenchCase.Transport.STDIO
            ? GatewayConfig.STDIO_SERVER
            : GatewayConfig.SERVER;
    return new Endpoint("gateway", through, key, server + "__", c.era());
  }

  private static Map<String, Long> watched(long gatewayPid, long upstreamPid) {
    Map<String, Long> watched = new LinkedHashMap<>();
    watched.put("gateway", gatewayPid);
    watched.put("upstream", upstreamPid);
    watched.put("loadgen", ProcessHandle.current().pid());
    return watched;
  }

  /** The stdio FastUpstream the gateway started (it starts with the gateway, {@code boot}). */
  private static long stdioChild(long gatewayPid) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      var child =
          ProcessHandle.of(gatewayPid).stream()
              .flatMap(ProcessHandle::children)
              .filter(p -> ProcStat.arguments(p.pid()).contains("--stdio"))
              .findFirst();
      if (child.isPresent()) {
        return child.get().pid();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the gateway did not start its stdio upstream");
  }

  /**
   * Both processes start cold; without this the first cell (1 KB, c=1) would measure the gateway's
   * JIT compiler rather than the gateway. Not reported.
   */
  private void prewarm(List<Paths> cases) throws Exception {
    if (options.prewarm().isZero()) {
      return;
    }
    Duration slice =
        options.prewarm().dividedBy(PREWARM_ROUNDS * 2L * options.payloads().size() * cases.size());
    System.out.println("pre-warming every path for " + options.prewarm() + " ...");
    for (int round = 0; round < PREWARM_ROUNDS; round++) {
      for (Paths p : cases) {
        for (String payload : options.payloads()) {
          for (Side side : List.of(p.direct(), p.gateway())) {
            side.run(payload, PREWARM_CONCURRENCY, Duration.ZERO, slice);
          }
        }
      }
    }
  }

  private Measurement measure(BenchCase c, String mode, Side side, String payload, int n)
      throws Exception {
    System.out.printf("%-18s %-7s %4s c=%-3d ... ", c.label(), mode, payload, n);
    System.out.flush();
    Measurement m = side.run(payload, n, options.warmup(), options.duration());
    System.out.printf(
        "%8.0f calls/s  p50 %.3f ms  p99 %.3f ms  gateway %.0f µs/call  other load %.2f CPUs%n",
        m.callsPerSecond(),
        m.latencyMillis(50),
        m.latencyMillis(99),
        m.cpuMicrosPerCall("gateway"),
        m.otherCpus());
    return m;
  }

  private List<String> context(Machine machine, String argLine) {
    String gatewayCommand = "`java -jar " + options.wardenJar() + " serve --config gateway.yaml`";
    List<String> lines = new ArrayList<>();
    lines.add("Machine: " + machine.describe());
    lines.add("Command: `bench/run.sh" + (argLine.isEmpty() ? "" : " " + argLine) + "`");
    lines.add(
        "Gateway: "
            + gatewayCommand
            + jvmArgs(options.gatewayJvmArgs())
            + "; audit "
            + (options.audit() ? "on" : "off")
            + ", sensitive-data rules "
            + (options.inspection() ? "on (shipped defaults)" : "off (catch-all allow)")
            + (options.eventLoops() < 0
                ? ""
                : "; `limits.event-loops: " + options.eventLoops() + "`")
            + "; upstream: `FastUpstream`"
            + jvmArgs(options.upstreamJvmArgs())
            + "; all on 127.0.0.1");
    lines.add(
        "Before the matrix: "
            + options.prewarm().toSeconds()
            + " s of unreported load on every path, in "
            + PREWARM_ROUNDS
            + " rounds of fresh sessions (JIT warm-up). Each run: "
            + options.warmup().toSeconds()
            + " s warm-up, then "
            + options.duration().toMillis() / 1000.0
            + " s measured; closed loop; direct and gateway back to back");
    for (BenchCase c : options.cases()) {
      lines.add("Case " + c.label() + ": " + describe(c));
    }
    return lines;
  }

  /** What the two sides of a case are, for the report. */
  static String describe(BenchCase c) {
    String client =
        c.era() == BenchCase.Era.V2025
            ? "one MCP session per worker (2025-11-25)"
            : "stateless 2026-07-28 requests, no session";
    if (c.transport() == BenchCase.Transport.HTTP) {
      return client
          + "; direct: the same requests straight to FastUpstream over HTTP"
          + (c.era() == BenchCase.Era.V2026 ? " (which answers 2026-07-28 too)" : "")
          + "; gateway: to the persona endpoint, the gateway to FastUpstream over HTTP in"
          + " 2025-11-25";
    }
    return "direct: the load generator drives its own `FastUpstream --stdio` over a pipe"
        + " (2025-11-25, one session, calls told apart by id); gateway: "
        + client
        + " to the persona endpoint, the gateway to the `FastUpstream --stdio` it started"
        + " (pool of 1)";
  }

  private static String jvmArgs(List<String> args) {
    return args.isEmpty() ? "" : " with `" + String.join(" ", args) + "`";
  }

  /** Ready when an agent session through it lists every payload tool of the upstream. */
  private void awaitGateway(LoadGenerator load, ChildProcess gateway, Endpoint through)
      throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!gateway.isAlive()) {
        throw new IllegalStateException("the gateway exited during start-up");
      }
      try {
        String session = load.open(through); // null in the 2026-07-28 era
        String tools = load.listTools(through, session);
        load.end(through, session);
        if (options.payloads().stream()
            .allMatch(p -> tools.contains('"' + through.tool(p) + '"'))) {
          return;
        }
        last = new IllegalStateException("tools/list lacks the payload tools: " + tools);
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("gateway not ready after " + START_TIMEOUT, last);
  }

  private static void requireAlive(ChildProcess... processes) {
    for (ChildProcess p : processes) {
      if (!p.isAlive()) {
        throw new IllegalStateException(p.name() + " exited during the benchmark");
      }
    }
  }
}
