package dev.warden.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the two processes the benchmark measures, FastUpstream and the gateway jar, and stops them
 * again (also from a shutdown hook, so a failed run leaves nothing behind).
 */
final class Launcher implements AutoCloseable {
  /**
   * The bench's logging configuration (warnings only), named apart from the gateway jar's
   * logback.xml, which is on the same classpath for the JMH benchmarks.
   */
  private static final String LOGGING = "bench-logback.xml";

  private final BenchOptions options;
  private final Path work;
  private final List<ChildProcess> children = new ArrayList<>();

  Launcher(BenchOptions options, Path work) {
    this.options = options;
    this.work = work;
  }

  /** FastUpstream on a free port, with one payload tool per size of the run. */
  ChildProcess startUpstream() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(options.upstreamJvmArgs());
    cmd.addAll(
        List.of(
            "-Dlogback.configurationFile=" + LOGGING,
            "-cp",
            System.getProperty("java.class.path"),
            FastUpstream.class.getName(),
            "--port",
            "0",
            "--payloads",
            String.join(",", options.payloads())));
    return child("upstream", cmd, Map.of(), work.resolve("upstream.log"), FastUpstream.READY);
  }

  /** {@code java -jar warden.jar serve --config FILE}, the agent key in {@code $BENCH_KEY}. */
  ChildProcess startGateway(int upstreamPort, int port, String key) throws IOException {
    Path jar = options.wardenJar().toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " not found; build it with ./mvnw package");
    }
    Path config = work.resolve("gateway.yaml");
    Path data = work.resolve("gateway-data");
    deleteTree(data); // every run starts with an empty audit trail
    String storage = "sqlite:" + data.resolve("warden.db");
    Files.writeString(
        config,
        GatewayConfig.yaml(
                port,
                freePort(),
                upstreamPort,
                storage,
                options.audit(),
                options.inspection(),
                options.stdio() ? stdioCommand() : List.of())
            + GatewayConfig.limits(options.eventLoops()));
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(List.of("--add-modules", "jdk.incubator.vector")); // as bin/warden starts it
    cmd.addAll(options.gatewayJvmArgs());
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString()));
    Map<String, String> env =
        Map.of(
            GatewayConfig.KEY_ENV,
            key,
            GatewayConfig.ADMIN_TOKEN_ENV,
            "admin-" + UUID.randomUUID());
    return child("gateway", cmd, env, work.resolve("gateway.log"), null);
  }

  /**
   * {@code java … FastUpstream --stdio}: the command the gateway starts for the stdio cases, and
   * the one the direct stdio baseline starts itself. The java binary by absolute path, since a
   * stdio server gets only PATH, HOME and LANG from the gateway.
   */
  List<String> stdioCommand() {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(options.upstreamJvmArgs());
    cmd.addAll(
        List.of(
            "-Dlogback.configurationFile=" + LOGGING,
            "-cp",
            System.getProperty("java.class.path"),
            FastUpstream.class.getName(),
            "--stdio",
            "--payloads",
            String.join(",", options.payloads())));
    return cmd;
  }

  /** The direct baseline of the stdio cases: its own FastUpstream over a pipe. */
  StdioDriver startStdioDriver() throws Exception {
    return StdioDriver.start(stdioCommand(), work.resolve("stdio-direct.log"));
  }

  /** The last output lines of every process started, for error messages. */
  List<String> tails() {
    synchronized (children) {
      return children.stream().map(ChildProcess::tail).toList();
    }
  }

  /** Stops what was started, last first. */
  @Override
  public void close() {
    List<ChildProcess> copy;
    synchronized (children) {
      copy = List.copyOf(children);
    }
    for (ChildProcess c : copy.reversed()) {
      c.close();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private ChildProcess child(
      String name, List<String> cmd, Map<String, String> env, Path log, String marker)
      throws IOException {
    ChildProcess c = ChildProcess.start(name, cmd, env, log, marker);
    synchronized (children) {
      children.add(c);
    }
    return c;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
