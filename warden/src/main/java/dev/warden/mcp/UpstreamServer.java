package dev.warden.mcp;

/** A connector to one registered server; it opens sessions on demand. */
public interface UpstreamServer extends AutoCloseable {
  String id();

  /**
   * A new, not-yet-initialized session; it connects and initializes on its first use, so holding
   * one costs nothing.
   */
  UpstreamSession newSession();

  /**
   * A new session that declares {@code client}'s capabilities upstream, for one downstream session:
   * requests the upstream sends to the client are relayed to that client.
   */
  default UpstreamSession newSession(ClientProfile client) {
    return newSession();
  }

  @Override
  void close();
}
