package dev.warden.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The official MCP conformance suite (npm {@code @modelcontextprotocol/conformance}, pinned with
 * its whole dependency tree in src/test/conformance/package-lock.json), installed with {@code npm
 * ci} under target/ and run in server mode against one URL.
 */
final class ConformanceSuite {
  /** One scenario's outcome: passed when at least one check succeeded and none failed. */
  record Scenario(String name, boolean passed, List<String> failures, JsonNode checks) {}

  private static final Path SOURCE = Path.of("src", "test", "conformance");
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "bearer.mjs");
  private static final String CLI = "node_modules/@modelcontextprotocol/conformance/dist/index.js";

  private final Path node;
  private final Path npm;
  private final Path home;

  private ConformanceSuite(Path node, Path npm, Path home) {
    this.node = node;
    this.npm = npm;
    this.home = home;
  }

  /** Node.js and npm from the PATH, or empty when either is missing. */
  static Optional<ConformanceSuite> locate(Path home) {
    Optional<Path> node = onPath("node");
    Optional<Path> npm = onPath("npm");
    if (node.isEmpty() || npm.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConformanceSuite(node.get(), npm.get(), home));
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The Node.js version, e.g. "v20.20.2". */
  String nodeVersion() throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path out = Files.createTempFile("node-version", ".txt");
    try {
      exec(List.of(node.toString(), "--version"), Map.of(), out, Duration.ofSeconds(20));
      return Files.readString(out).strip();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Installs the pinned suite, unless the same lock file is already installed. */
  void install(Duration timeout) throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path installedLock = home.resolve("node_modules/.package-lock.json");
    boolean current =
        Files.exists(installedLock)
            && Files.exists(home.resolve("package-lock.json"))
            && Files.mismatch(
                    SOURCE.resolve("package-lock.json"), home.resolve("package-lock.json"))
                < 0;
    for (String f : FILES) {
      Files.copy(SOURCE.resolve(f), home.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (current && Files.exists(home.resolve(CLI))) {
      return;
    }
    int exit =
        exec(
            List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"),
            Map.of(),
            home.resolve("npm-ci.log"),
            timeout);
    if (exit != 0) {
      throw new IllegalStateException(
          "npm ci failed (exit " + exit + "); see " + home.resolve("npm-ci.log"));
    }
  }

  /**
   * Runs every server scenario against {@code url}; with a key, each request the suite sends there
   * carries it as a bearer credential. Results land in {@code out}, the console log beside them.
   */
  Map<String, Scenario> run(URI url, Optional<String> key, Path out, Duration timeout)
      throws IOException, InterruptedException {
    deleteTree(out);
    Files.createDirectories(out);
    List<String> command = new ArrayList<>(List.of(node.toString()));
    if (key.isPresent()) {
      command.add("--import=./bearer.mjs");
    }
    command.addAll(
        List.of(
            CLI,
            "server",
            "--url",
            url.toString(),
            "--suite",
            "all",
            "-o",
            out.toAbsolutePath().toString()));
    Map<String, String> env =
        key.map(
                k ->
                    Map.of(
                        "WARDEN_URL_ORIGIN",
                        url.getScheme() + "://" + url.getAuthority(),
                        "WARDEN_AGENT_KEY",
                        k))
            .orElse(Map.of());
    int exit = exec(command, env, out.resolve("console.log"), timeout);
    if (exit < 0) {
      throw new IllegalStateException(
          "the conformance suite did not finish within " + timeout + "; see " + out);
    }
    return results(out);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Each scenario's checks.json, read from {@code out/server-<scenario>-<timestamp>/}. */
  static Map<String, Scenario> results(Path out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Scenario> scenarios = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Path checks = dir.resolve("checks.json");
        String name = dir.getFileName().toString();
        if (!name.startsWith("server-") || !Files.exists(checks)) {
          continue;
        }
        name = name.substring("server-".length()).replaceFirst("-\\d{4}-\\d\\d-\\d\\dT.*$", "");
        scenarios.put(name, scenario(name, json.readTree(checks.toFile())));
      }
    }
    return scenarios;
  }

  private static Scenario scenario(String name, JsonNode checks) {
    List<String> failures = new ArrayList<>();
    boolean succeeded = false;
    for (JsonNode check : checks) {
      String status = check.path("status").asText();
      if (status.equals("FAILURE")) {
        failures.add(check.path("id").asText() + ": " + check.path("errorMessage").asText(""));
      }
      succeeded |= status.equals("SUCCESS");
    }
    return new Scenario(name, succeeded && failures.isEmpty(), failures, checks);
  }

  /** Runs a command in the suite's folder; its exit code, or -1 when it ran out of time. */
  private int exec(List<String> command, Map<String, String> env, Path log, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }
}
