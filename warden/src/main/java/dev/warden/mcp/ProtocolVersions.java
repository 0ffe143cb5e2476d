package dev.warden.mcp;

import java.util.List;

/**
 * The protocol revisions Warden speaks, newest first. The stateful revisions (initialize and
 * Mcp-Session-Id) are negotiated by initialize; the stateless one is named on every request.
 */
public final class ProtocolVersions {
  public static final String V2026_07_28 = "2026-07-28";
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String LATEST = V2025_11_25;
  public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

  /** Revisions without sessions: each request carries its version in {@code _meta}. */
  public static final List<String> STATELESS = List.of(V2026_07_28);

  /** Every revision a client may use at a persona endpoint, newest first. */
  public static final List<String> ALL =
      List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);

  /** The 2026-07-28 tasks extension (SEP-2663), declared in {@code capabilities.extensions}. */
  public static final String TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

  private ProtocolVersions() {}

  public static boolean isSupported(String version) {
    return SUPPORTED.contains(version);
  }

  public static boolean isStateless(String version) {
    return V2026_07_28.equals(version);
  }

  /** The version to answer a client that asked for {@code requested}: its own, or our latest. */
  public static String negotiate(String requested) {
    return isSupported(requested) ? requested : LATEST;
  }
}
