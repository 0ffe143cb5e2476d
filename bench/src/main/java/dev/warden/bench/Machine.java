package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine a run happened on, as the report prints it. */
record Machine(int cpus, String cpuModel, long memoryMiB, String os, String java, String commit) {

  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/cpuinfo", "model name", "unknown CPU"),
        parseKib(procField("/proc/meminfo", "MemTotal", "0 kB")) / 1024,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        gitCommit());
  }

  String describe() {
    return cpus
        + " CPUs ("
        + cpuModel
        + "), "
        + memoryMiB
        + " MiB RAM, "
        + os
        + ", "
        + java
        + (commit.isEmpty() ? "" : ", commit " + commit);
  }

  /** The value after ':' of the first line starting with {@code key} in a /proc text file. */
  static String field(String text, String key, String fallback) {
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return line.substring(colon + 1).trim();
      }
    }
    return fallback;
  }

  private static String procField(String file, String key, String fallback) {
    try {
      return field(Files.readString(Path.of(file)), key, fallback);
    } catch (IOException e) {
      return fallback;
    }
  }

  private static long parseKib(String value) {
    try {
      return Long.parseLong(value.replace("kB", "").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String gitCommit() {
    String head = run("git", "rev-parse", "--short", "HEAD");
    if (head.isEmpty()) {
      return "";
    }
    return run("git", "status", "--porcelain", "--untracked-files=no").isEmpty()
        ? head
        : head + " (with uncommitted changes)";
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
      }
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
