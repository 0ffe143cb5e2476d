package dev.warden.bench;

import java.util.Locale;

/**
 * One case of the matrix: the protocol era the load generator speaks to the gateway and the
 * transport by which the gateway reaches the upstream.
 *
 * <ul>
 *   <li>{@code http 2025}: stateful sessions; direct is the same calls straight to FastUpstream.
 *   <li>{@code http 2026}: stateless 2026-07-28 requests; direct is the same requests straight to
 *       FastUpstream, which answers that era too, while the gateway bridges to FastUpstream in
 *       2025-11-25 as it does for every upstream.
 *   <li>{@code stdio}: the gateway starts {@code FastUpstream --stdio} and speaks to it over a
 *       pipe; direct is the load generator driving its own {@code FastUpstream --stdio} over a
 *       pipe.
 * </ul>
 */
record BenchCase(Era era, Transport transport) {
  /** The protocol revision the load generator speaks. */
  enum Era {
    V2025("2025", "2025-11-25"),
    V2026("2026", "2026-07-28");

    final String flag;
    final String version;

    Era(String flag, String version) {
      this.flag = flag;
      this.version = version;
    }

    static Era of(String flag) {
      for (Era e : values()) {
        if (e.flag.equals(flag.trim()) || e.version.equals(flag.trim())) {
          return e;
        }
      }
      throw new IllegalArgumentException("--era is 2025 or 2026, got '" + flag + "'");
    }
  }

  /** How the gateway (and the direct baseline) reaches the upstream. */
  enum Transport {
    HTTP,
    STDIO;

    final String flag = name().toLowerCase(Locale.ROOT);

    static Transport of(String flag) {
      for (Transport t : values()) {
        if (t.flag.equals(flag.trim().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      throw new IllegalArgumentException("--transport is http or stdio, got '" + flag + "'");
    }
  }

  static final BenchCase DEFAULT = new BenchCase(Era.V2025, Transport.HTTP);

  /** As the report names it, e.g. {@code http · 2026-07-28}. */
  String label() {
    return transport.flag + " · " + era.version;
  }
}
