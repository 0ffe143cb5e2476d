package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error object. The codes Warden uses are named here.
 *
 * @param data additional information for the client, null when there is none
 */
public record JsonRpcError(int code, String message, JsonNode data) {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Server-defined: the upstream could not be reached or answered badly. */
  public static final int UPSTREAM_ERROR = -32000;

  /** Server-defined: the session id is not known (sent with HTTP 404). */
  public static final int SESSION_NOT_FOUND = -32001;

  /** 2026-07-28: the HTTP headers do not match the body, or a required one is missing. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request's protocol version is not one the server speaks. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  public JsonRpcError(int code, String message) {
    this(code, message, null);
  }

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
