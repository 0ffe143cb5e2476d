package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.HeaderValues;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionStore;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Set;

/**
 * A 2026-07-28 request at a persona endpoint: no initialize and no Mcp-Session-Id; the request
 * names its version and capabilities in {@code _meta} and mirrors its method and target in headers,
 * which must agree with the body. Once checked, the request is bound to the session the gateway
 * holds for its agent and persona, so calls reach upstreams of the stateful era through upstream
 * sessions the gateway keeps itself.
 */
public final class Era2026 implements Stage {
  public static final String METHOD_HEADER = "Mcp-Method";
  public static final String NAME_HEADER = "Mcp-Name";
  public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  public static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

  /** The requests a 2026-07-28 client may make here; anything else is 404 with -32601. */
  private static final Set<String> METHODS =
      Set.of(
          "server/discover",
          "subscriptions/listen",
          "tools/list",
          "tools/call",
          "prompts/list",
          "prompts/get",
          "resources/list",
          "resources/templates/list",
          "resources/read",
          "completion/complete",
          "tasks/get",
          "tasks/update",
          "tasks/cancel");

  /**
   * What the held session's upstream sessions declare: every capability Warden can bridge, since
   * each request names its own. A request an upstream sends for a call whose client did not declare
   * the capability is refused there and then.
   */
  private static final ObjectNode RELAYABLE = relayable();

  private final SessionStore held;

  private static ObjectNode relayable() {
    ObjectNode caps = JsonNodeFactory.instance.objectNode();
    caps.putObject("sampling");
    caps.putObject("elicitation");
    caps.putObject("roots");
    return caps;
  }

  /** {@code held}: the sessions the gateway holds per agent and persona for this era. */
  public Era2026(SessionStore held) {
    this.held = held;
  }

  /**
   * True when a request belongs to the stateless era: its version header names a stateless
   * revision, or its {@code _meta} names any version (only this era puts it there). Allocates
   * nothing, so the stateful era pays nothing for the check.
   */
  public static boolean claims(String versionHeader, McpMessage message) {
    if (versionHeader != null && ProtocolVersions.isStateless(versionHeader)) {
      return true;
    }
    ObjectNode params = message.params();
    JsonNode meta = params == null ? null : params.get("_meta");
    return meta != null && meta.has(META_VERSION);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Reply refused = check(exchange, exchange.message());
    if (refused != null) {
      return refused;
    }
    String agent = exchange.principal().agent();
    String persona = exchange.persona();
    JsonNode info = meta(exchange.message()).path(META_CLIENT_INFO);
    Session session =
        held.findOrOpen(
            agent + '\n' + persona,
            key ->
                new Session(
                    key,
                    agent,
                    persona,
                    ProtocolVersions.V2026_07_28,
                    info.isObject() ? info : JsonNodeFactory.instance.objectNode(),
                    RELAYABLE));
    session.touch();
    exchange.session(session);
    return next.proceed(exchange);
  }

  private static Reply check(Exchange exchange, McpMessage m) {
    if (m.kind() == McpMessage.Kind.RESPONSE) {
      return refuse(
          exchange,
          400,
          new JsonRpcError(
              JsonRpcError.INVALID_REQUEST, "A 2026-07-28 client does not send responses"),
          "era:response");
    }
    Reply version = checkVersion(exchange, m);
    if (version != null) {
      return version;
    }
    Reply headers = checkHeaders(exchange, m);
    if (headers != null) {
      return headers;
    }
    if (m.isRequest() && !METHODS.contains(m.method())) {
      return new Reply.Failure(
          new JsonRpcError(
              JsonRpcError.METHOD_NOT_FOUND,
              "Method not found in protocol " + ProtocolVersions.V2026_07_28 + ": " + m.method()),
          404);
    }
    if (!m.isRequest() && !m.method().startsWith("notifications/")) {
      return refuse(
          exchange,
          400,
          new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Unknown notification: " + m.method()),
          "era:notification");
    }
    return null;
  }

  /** MCP-Protocol-Version must equal the _meta version, and that version must be served here. */
  private static Reply checkVersion(Exchange exchange, McpMessage m) {
    String header = exchange.headers().get(SessionStage.VERSION_HEADER);
    JsonNode meta = meta(m);
    JsonNode version = meta.get(META_VERSION);
    if (m.isRequest() && (version == null || !version.isTextual())) {
      return refuse(
          exchange,
          400,
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "params._meta must carry " + META_VERSION),
          "era:meta");
    }
    String requested = version != null ? version.asText() : header;
    if (!requested.equals(header)) {
      return mismatch(exchange, "MCP-Protocol-Version header does not match " + META_VERSION);
    }
    if (!ProtocolVersions.isStateless(requested)) {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      ProtocolVersions.ALL.forEach(data.putArray("supported")::add);
      data.put("requested", requested);
      return refuse(
          exchange,
          400,
          new JsonRpcError(
              JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
              "Unsupported protocol version; supported: " + ProtocolVersions.ALL,
              data),
          "era:version");
    }
    if (m.isRequest() && !(meta.get(META_CAPABILITIES) instanceof ObjectNode)) {
      return refuse(
          exchange,
          400,
          new JsonRpcError(
              JsonRpcError.INVALID_PARAMS, "params._meta must carry " + META_CAPABILITIES),
          "era:meta");
    }
    return null;
  }

  /** Mcp-Method on every message, Mcp-Name on calls that name a tool, prompt, resource or task. */
  private static Reply checkHeaders(Exchange exchange, McpMessage m) {
    String method = HeaderValues.decode(exchange.headers().get(METHOD_HEADER));
    if (method == null) {
      return mismatch(exchange, "Mcp-Method header is missing or malformed");
    }
    if (!method.equals(m.method())) {
      return mismatch(exchange, "Mcp-Method header does not match the body's method");
    }
    String field =
        switch (m.method()) {
          case "tools/call", "prompts/get" -> "name";
          case "resources/read" -> "uri";
          case "tasks/get", "tasks/update", "tasks/cancel" -> "taskId";
          default -> null;
        };
    if (field == null || !m.isRequest()) {
      return null;
    }
    String name = HeaderValues.decode(exchange.headers().get(NAME_HEADER));
    if (name == null) {
      return mismatch(exchange, "Mcp-Name header is missing or malformed");
    }
    if (!name.equals(m.param(field))) {
      return mismatch(exchange, "Mcp-Name header does not match params." + field);
    }
    return null;
  }

  private static JsonNode meta(McpMessage m) {
    ObjectNode params = m.params();
    JsonNode meta = params == null ? null : params.get("_meta");
    return meta == null ? JsonNodeFactory.instance.missingNode() : meta;
  }

  private static Reply mismatch(Exchange exchange, String message) {
    return refuse(
        exchange, 400, new JsonRpcError(JsonRpcError.HEADER_MISMATCH, message), "era:header");
  }

  private static Reply refuse(Exchange exchange, int status, JsonRpcError error, String rule) {
    exchange.decide(Exchange.Outcome.DENIED, rule);
    return new Reply.Failure(error, status);
  }

  /** True when the exchange is of the stateless era. */
  static boolean stateless(Exchange exchange) {
    return exchange.era() == ProtocolEra.STATELESS;
  }
}
