package dev.warden.mcp;

/**
 * Names under which the edge sends the transport's own requests (the GET event stream, the DELETE
 * that ends a session) through the pipeline, so they are authenticated and recorded like every
 * other request. They are never JSON-RPC methods on the wire.
 */
public final class TransportMethods {
  public static final String OPEN_STREAM = "warden/transport/stream";
  public static final String END_SESSION = "warden/transport/end-session";

  private TransportMethods() {}

  public static boolean isTransport(String method) {
    return OPEN_STREAM.equals(method) || END_SESSION.equals(method);
  }
}
