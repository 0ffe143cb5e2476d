package dev.warden.mcp;

/** A JSON-RPC error object. The codes Warden uses are named here. */
public record JsonRpcError(int code, String message) {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Server-defined: the upstream could not be reached or answered badly. */
  public static final int UPSTREAM_ERROR = -32000;

  /** Server-defined: the session id is not known (sent with HTTP 404). */
  public static final int SESSION_NOT_FOUND = -32001;

  public static JsonRpcError unknownTool(String name) {
    return new JsonRpcError(INVALID_PARAMS, "Unknown tool: " + name);
  }

  public static JsonRpcError unknownPrompt(String name) {
    return new JsonRpcError(INVALID_PARAMS, "Unknown prompt: " + name);
  }

  public static JsonRpcError unknownResource(String uri) {
    return new JsonRpcError(INVALID_PARAMS, "Unknown resource: " + uri);
  }
}
