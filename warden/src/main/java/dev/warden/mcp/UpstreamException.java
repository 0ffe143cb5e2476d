package dev.warden.mcp;

/**
 * An upstream could not be reached, timed out or answered with something that is not MCP. The
 * message is safe to show an agent: it never holds a header, URL credentials or a body.
 */
public class UpstreamException extends Exception {
  /** What went wrong, for metrics and audit. */
  public enum Kind {
    UNREACHABLE,
    TIMEOUT,
    HTTP_STATUS,
    PROTOCOL,
    SESSION_EXPIRED
  }

  private final String server;
  private final Kind kind;

  public UpstreamException(String server, Kind kind, String message, Throwable cause) {
    super("upstream '" + server + "' " + message, cause);
    this.server = server;
    this.kind = kind;
  }

  public UpstreamException(String server, Kind kind, String message) {
    this(server, kind, message, null);
  }

  public String server() {
    return server;
  }

  public Kind kind() {
    return kind;
  }
}
