package dev.warden.config;

/**
 * How Warden runs a stdio server's processes.
 *
 * @param start when the processes start: on first need, or when the gateway starts
 * @param pool how many processes serve the server; more than one only for stateless servers
 * @param stateless the server keeps no state between requests, so any process may serve any session
 */
public record ProcessOptions(Start start, int pool, boolean stateless) {
  /** One process, started on first need. */
  public static final ProcessOptions DEFAULT = new ProcessOptions(Start.LAZY, 1, false);

  /** When a stdio server's processes start. */
  public enum Start {
    LAZY,
    BOOT
  }

  public ProcessOptions {
    if (pool < 1) {
      throw new IllegalArgumentException("pool must be at least 1");
    }
  }
}
