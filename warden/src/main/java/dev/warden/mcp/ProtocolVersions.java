package dev.warden.mcp;

import java.util.List;

/** The protocol revisions Warden speaks to clients and upstreams, newest first. */
public final class ProtocolVersions {
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String LATEST = V2025_11_25;
  public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

  private ProtocolVersions() {}

  public static boolean isSupported(String version) {
    return SUPPORTED.contains(version);
  }

  /** The version to answer a client that asked for {@code requested}: its own, or our latest. */
  public static String negotiate(String requested) {
    return isSupported(requested) ? requested : LATEST;
  }
}
