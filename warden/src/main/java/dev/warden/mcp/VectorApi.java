package dev.warden.mcp;

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
}
