package dev.warden.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the benchmark started (the upstream, the gateway): its output goes to a log file, the
 * last lines are kept for error messages, and closing it stops it (SIGTERM, then SIGKILL).
 */
final class ChildProcess implements AutoCloseable {
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<String> marker = new CompletableFuture<>();
  private final String markerPrefix;

  private ChildProcess(String name, Process process, Path log, String markerPrefix) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.markerPrefix = markerPrefix;
  }

  /**
   * Starts {@code command}; output lines go to {@code log}. The first line starting with {@code
   * markerPrefix} (may be null) is handed to {@link #awaitMarker}.
   */
  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path log, String markerPrefix)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    ChildProcess child = new ChildProcess(name, pb.start(), log, markerPrefix);
    Thread.ofPlatform().daemon().name(name + "-output").start(child::pump);
    return child;
  }

  private void pump() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
        if (markerPrefix != null && line.startsWith(markerPrefix)) {
          marker.complete(line.substring(markerPrefix.length()).trim());
        }
      }
    } catch (IOException e) {
      // the process ended or the log cannot be written; tail() still tells what was seen
    }
    marker.completeExceptionally(new IllegalStateException(name + " ended its output"));
  }

  /** The rest of the first marker line; fails when the process exits or the time runs out. */
  String awaitMarker(Duration timeout) throws Exception {
    try {
      return marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " not ready after " + timeout + "\n" + tail());
    } catch (Exception e) {
      throw new IllegalStateException(name + " failed to start\n" + tail(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /** The last lines of output, for error messages. */
  String tail() {
    synchronized (tail) {
      return "--- last output of " + name + " (" + log + ") ---\n" + String.join("\n", tail);
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
