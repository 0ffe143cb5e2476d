package dev.warden.inspect.detect;

import java.util.Set;

/** Compliance framework tags as findings carry them. */
final class Tags {
  static final String PCI = "PCI-DSS";
  static final String HIPAA = "HIPAA";
  static final String GDPR = "GDPR";
  static final String SOC2 = "SOC2";

  static final Set<String> PCI_GDPR_SOC2 = Set.of(PCI, GDPR, SOC2);
  static final Set<String> PCI_ONLY = Set.of(PCI);
  static final Set<String> GDPR_SOC2 = Set.of(GDPR, SOC2);
  static final Set<String> ID = Set.of(GDPR, SOC2, HIPAA);
  static final Set<String> SECRET = Set.of(SOC2, PCI, HIPAA);
  static final Set<String> SOC2_ONLY = Set.of(SOC2);
  static final Set<String> HEALTH = Set.of(HIPAA, GDPR, SOC2);

  private Tags() {}

  /** The shared tags plus a local law, e.g. {@code of("LGPD")}. */
  static Set<String> with(Set<String> base, String... more) {
    var all = new java.util.HashSet<>(base);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
