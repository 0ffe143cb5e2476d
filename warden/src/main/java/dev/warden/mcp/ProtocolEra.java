package dev.warden.mcp;

/**
 * How a client speaks MCP at a persona endpoint; decided per request, so clients of both eras share
 * one endpoint.
 */
public enum ProtocolEra {
  /** 2025-03-26 to 2025-11-25: initialize opens a session named by Mcp-Session-Id. */
  STATEFUL,
  /** 2026-07-28: no initialize and no session; each request carries its version in _meta. */
  STATELESS
}
