package dev.warden.mcp;

/** A connector to one registered server; it opens sessions on demand. */
public interface UpstreamServer extends AutoCloseable {
  String id();

  /**
   * A new, not-yet-initialized session; it connects and initializes on its first use, so holding
   * one costs nothing.
   */
  UpstreamSession newSession();

  @Override
  void close();
}
