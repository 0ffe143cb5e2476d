package dev.warden.audit.otel;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute names: the OpenTelemetry semantic conventions for MCP, GenAI and RPC where they have a
 * name, {@code warden.*} for what only the gateway knows.
 */
final class Keys {
  static final AttributeKey<String> MCP_METHOD = AttributeKey.stringKey("mcp.method.name");
  static final AttributeKey<String> MCP_PROTOCOL_VERSION =
      AttributeKey.stringKey("mcp.protocol.version");
  static final AttributeKey<String> MCP_RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");
  static final AttributeKey<String> JSONRPC_REQUEST_ID =
      AttributeKey.stringKey("jsonrpc.request.id");
  static final AttributeKey<String> RPC_STATUS = AttributeKey.stringKey("rpc.response.status_code");
  static final AttributeKey<String> GEN_AI_OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> GEN_AI_TOOL = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> GEN_AI_PROMPT = AttributeKey.stringKey("gen_ai.prompt.name");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("warden.request.id");
  static final AttributeKey<String> AGENT = AttributeKey.stringKey("warden.agent");

  /** The end user the agent acts for (OpenTelemetry's general attribute for it). */
  static final AttributeKey<String> USER = AttributeKey.stringKey("enduser.id");

  static final AttributeKey<String> PERSONA = AttributeKey.stringKey("warden.persona");
  static final AttributeKey<String> SERVER = AttributeKey.stringKey("warden.server");
  static final AttributeKey<String> TARGET = AttributeKey.stringKey("warden.target");
  static final AttributeKey<String> DECISION = AttributeKey.stringKey("warden.decision");
  static final AttributeKey<String> RULE = AttributeKey.stringKey("warden.rule");
  static final AttributeKey<List<String>> FINDINGS = AttributeKey.stringArrayKey("warden.findings");
  static final AttributeKey<String> UPSTREAM_ERROR =
      AttributeKey.stringKey("warden.upstream.error");

  static final AttributeKey<String> AUDIT_KIND = AttributeKey.stringKey("warden.audit.kind");
  static final AttributeKey<Long> AUDIT_SEQ = AttributeKey.longKey("warden.audit.seq");
  static final AttributeKey<String> AUDIT_HASH = AttributeKey.stringKey("warden.audit.hash");
  static final AttributeKey<String> AUDIT_PREV_HASH =
      AttributeKey.stringKey("warden.audit.prev_hash");
  static final AttributeKey<Long> LATENCY_US = AttributeKey.longKey("warden.latency_us");
  static final AttributeKey<Long> BYTES_IN = AttributeKey.longKey("warden.bytes_in");
  static final AttributeKey<Long> BYTES_OUT = AttributeKey.longKey("warden.bytes_out");

  private Keys() {}
}
