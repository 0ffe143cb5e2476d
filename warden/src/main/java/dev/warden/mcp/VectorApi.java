package dev.warden.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Whether a SIMD path of Warden's may run: the JVM was started with the incubating Vector API
 * ({@code --add-modules jdk.incubator.vector}, as {@code bin/warden} does) and the path finds the
 * CPU's vectors wide enough. Without the module the path's class is never loaded.
 */
public final class VectorApi {
  private VectorApi() {}

  /**
   * True when the module is present and {@code worthwhile}, which may load the path's class (pass a
   * lambda, not a method reference, so that nothing loads it before the module is known), says so;
   * false when loading it fails too.
   */
  public static boolean usable(BooleanSupplier worthwhile) {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      return worthwhile.getAsBoolean();
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the CPU says it has {@code feature}, named as in the flags of Linux's {@code
   * /proc/cpuinfo} (such as {@code avx512vbmi}): for a SIMD path whose operations the JIT compiles
   * to single instructions only with it, and otherwise may run as plain Java, many times slower.
   * False where that file cannot be read (another system).
   */
  public static boolean cpuHas(String feature) {
    return CpuFlags.FLAGS.contains(feature);
  }

  private static final class CpuFlags {
    static final Set<String> FLAGS = read();

    private static Set<String> read() {
      try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
        return lines
            .filter(l -> l.startsWith("flags"))
            .findFirst()
            .map(
                l ->
                    Set.copyOf(Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))))
            .orElse(Set.of());
      } catch (IOException | RuntimeException e) {
        return Set.of();
      }
    }
  }
}
