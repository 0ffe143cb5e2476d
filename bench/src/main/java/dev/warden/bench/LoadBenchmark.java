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
    Endpoint direct =
        new Endpoint("direct", URI.create("http://127.0.0.1:" + upstreamPort + "/mcp"), null, "");
    Endpoint through =
        new Endpoint(
            "gateway",
            URI.create(
                "http://127.0.0.1:" + gatewayPort + "/personas/" + GatewayConfig.PERSONA + "/mcp"),
            key,
            GatewayConfig.SERVER + "__");

    List<Report.Comparison> rows = new ArrayList<>();
    try (LoadGenerator load = new LoadGenerator()) {
      awaitGateway(load, gateway, through);
      System.out.printf(
          "upstream pid %d, gateway pid %d; warm-up %s, measure %s per run%n",
          upstream.pid(), gateway.pid(), options.warmup(), options.duration());
      Map<String, Long> watched = new LinkedHashMap<>();
      watched.put("gateway", gateway.pid());
      watched.put("upstream", upstream.pid());
      watched.put("loadgen", ProcessHandle.current().pid());
      prewarm(load, direct, through, watched);
      for (String payload : options.payloads()) {
        for (int c : options.concurrency()) {
          Measurement d = measure(load, direct, payload, c, watched);
          Measurement g = measure(load, through, payload, c, watched);
          Report.Comparison row = new Report.Comparison(d, g);
          rows.add(row);
          System.out.printf(
              "  => ratio %.2f, added p50 %+.3f ms, added p99 %+.3f ms%n",
              row.ratio(), row.addedMillis(50), row.addedMillis(99));
          requireAlive(upstream, gateway);
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

  /**
   * Both processes start cold; without this the first cell (1 KB, c=1) would measure the gateway's
   * JIT compiler rather than the gateway. Not reported.
   */
  private void prewarm(
      LoadGenerator load, Endpoint direct, Endpoint through, Map<String, Long> watched)
      throws Exception {
    if (options.prewarm().isZero()) {
      return;
    }
    Duration slice = options.prewarm().dividedBy(2L * options.payloads().size());
    System.out.println("pre-warming both paths for " + options.prewarm() + " ...");
    for (String payload : options.payloads()) {
      for (Endpoint e : List.of(direct, through)) {
        load.run(e, payload, PREWARM_CONCURRENCY, Duration.ZERO, slice, watched);
      }
    }
  }

  private Measurement measure(
      LoadGenerator load, Endpoint endpoint, String payload, int c, Map<String, Long> watched)
      throws Exception {
    System.out.printf("%-7s %4s c=%-3d ... ", endpoint.mode(), payload, c);
    System.out.flush();
    Measurement m = load.run(endpoint, payload, c, options.warmup(), options.duration(), watched);
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
    return List.of(
        "Machine: " + machine.describe(),
        "Command: `bench/run.sh" + (argLine.isEmpty() ? "" : " " + argLine) + "`",
        "Gateway: "
            + gatewayCommand
            + jvmArgs(options.gatewayJvmArgs())
            + "; audit "
            + (options.audit() ? "on" : "off")
            + ", sensitive-data rules "
            + (options.inspection() ? "on (shipped defaults)" : "off (catch-all allow)")
            + "; upstream: `FastUpstream`"
            + jvmArgs(options.upstreamJvmArgs())
            + "; all on 127.0.0.1",
        "Before the matrix: "
            + options.prewarm().toSeconds()
            + " s of unreported load on both paths (JIT warm-up). Each run: "
            + options.warmup().toSeconds()
            + " s warm-up, then "
            + options.duration().toMillis() / 1000.0
            + " s measured; closed loop, one MCP session per worker; direct and gateway"
            + " back to back");
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
        String session = load.open(through);
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
