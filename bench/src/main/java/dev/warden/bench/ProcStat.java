package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** CPU time of a process from {@code /proc/<pid>/stat} (Linux): user plus system, in µs. */
final class ProcStat {
  /** Clock ticks per second as {@code getconf CLK_TCK} reports it; 100 when it cannot tell. */
  static final long CLOCK_TICKS = clockTicks();

  private ProcStat() {}

  /** CPU time used so far by process {@code pid}, in microseconds. */
  static long cpuMicros(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return ticks(stat) * 1_000_000 / CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read CPU time of process " + pid + " (did it exit?)", e);
    }
  }

  /**
   * utime + stime (fields 14 and 15) of a stat line, in clock ticks. The command name (field 2) may
   * hold spaces and parentheses, so fields are counted from the last ')'.
   */
  static long ticks(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line");
    }
    String[] f = statLine.substring(close + 1).trim().split("\\s+");
    // f[0] is field 3 (state), so field n is f[n - 3].
    if (f.length < 13) {
      throw new IllegalArgumentException("stat line too short: " + f.length + " fields");
    }
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** The command-line arguments of a process ({@code /proc/PID/cmdline}); empty when gone. */
  static java.util.List<String> arguments(long pid) {
    try {
      String raw = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8);
      return java.util.List.of(raw.split("\0"));
    } catch (IOException e) {
      return java.util.List.of();
    }
  }

  /** CPU time all processes on the machine spent so far (/proc/stat), in microseconds. */
  static long machineBusyMicros() {
    try {
      String stat = Files.readString(Path.of("/proc/stat"));
      return machineBusyTicks(stat.substring(0, stat.indexOf('\n'))) * 1_000_000 / CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/stat", e);
    }
  }

  /**
   * Busy ticks of the aggregate {@code cpu} line of /proc/stat: user, nice, system, irq and softirq
   * (guest time is already inside user; idle, iowait and steal are not work done here).
   */
  static long machineBusyTicks(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    if (!f[0].equals("cpu") || f.length < 8) {
      throw new IllegalArgumentException("not the cpu line of /proc/stat");
    }
    return Long.parseLong(f[1])
        + Long.parseLong(f[2])
        + Long.parseLong(f[3])
        + Long.parseLong(f[6])
        + Long.parseLong(f[7]);
  }

  static long parseClockTicks(String getconfOutput) {
    try {
      long t = Long.parseLong(getconfOutput.trim());
      return t > 0 ? t : 100;
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor(5, TimeUnit.SECONDS);
        return parseClockTicks(out);
      }
    } catch (IOException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
