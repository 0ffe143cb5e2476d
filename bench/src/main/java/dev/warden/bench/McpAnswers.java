package dev.warden.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers of FastUpstream, whatever carries them (HTTP or a pipe): precomputed, so a tools/call
 * costs one streaming parse of the request and one copy. Results for 2026-07-28 requests start with
 * {@code "resultType":"complete"}.
 */
final class McpAnswers {
  static final String PROTOCOL_VERSION = "2025-11-25";
  static final String STATELESS_VERSION = BenchCase.Era.V2026.version;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] INITIALIZE_RESULT =
      ToolReply.ascii(
          "{\"protocolVersion\":\""
              + PROTOCOL_VERSION
              + "\",\"capabilities\":{\"tools\":{\"listChanged\":false}},"
              + "\"serverInfo\":{\"name\":\"fast-upstream\",\"version\":\"1.0\"}}");
  private static final byte[] DISCOVER_RESULT =
      ToolReply.ascii(
          "{\"resultType\":\"complete\",\"supportedVersions\":[\""
              + STATELESS_VERSION
              + "\",\""
              + PROTOCOL_VERSION
              + "\"],\"capabilities\":{\"tools\":{\"listChanged\":false}},"
              + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":"
              + "{\"name\":\"fast-upstream\",\"version\":\"1.0\"}}}");

  private final Map<String, ToolReply> stateful = new LinkedHashMap<>();
  private final Map<String, ToolReply> stateless = new LinkedHashMap<>();
  private final byte[] toolsList;
  private final byte[] toolsListComplete;

  /** One payload tool per size label (e.g. {@code 1k}), plus {@code echo}. */
  McpAnswers(List<String> payloads) {
    for (String label : payloads) {
      String text = PayloadText.of(PayloadText.parseSize(label));
      stateful.put(PayloadText.toolName(label), new ToolReply(text));
      stateless.put(PayloadText.toolName(label), new ToolReply(text, true));
    }
    this.toolsList = toolsList(stateful.keySet(), false);
    this.toolsListComplete = toolsList(stateful.keySet(), true);
  }

  /**
   * The reply to the 2025-11-25 request {@code m}, read from {@code body[offset, offset+length)},
   * of an open session (initialize included).
   */
  byte[] stateful(RequestPeek m, byte[] body, int offset, int length) throws IOException {
    return switch (m.method()) {
      case "initialize" -> result(m.id(), INITIALIZE_RESULT);
      case "tools/call" -> call(m, body, offset, length, false);
      case "tools/list" -> result(m.id(), toolsList);
      case "ping" -> result(m.id(), ToolReply.ascii("{}"));
      default -> error(m.id(), -32601, "Method not found");
    };
  }

  /** The reply to a 2026-07-28 request; null when this era has no such method. */
  byte[] stateless(RequestPeek m, byte[] body, int offset, int length) throws IOException {
    return switch (m.method()) {
      case "tools/call" -> call(m, body, offset, length, true);
      case "tools/list" -> result(m.id(), toolsListComplete);
      case "server/discover" -> result(m.id(), DISCOVER_RESULT);
      default -> null;
    };
  }

  private byte[] call(RequestPeek m, byte[] body, int offset, int length, boolean complete)
      throws IOException {
    ToolReply reply = m.tool() == null ? null : (complete ? stateless : stateful).get(m.tool());
    if (reply != null) {
      return reply.bytes(m.id());
    }
    if ("echo".equals(m.tool())) {
      JsonNode args = MAPPER.readTree(body, offset, length).path("params").path("arguments");
      return new ToolReply(args.path("text").asText(args.toString()), complete).bytes(m.id());
    }
    return error(m.id(), -32602, "Unknown tool: " + m.tool());
  }

  static byte[] result(byte[] id, byte[] result) {
    return concat("{\"jsonrpc\":\"2.0\",\"id\":", id, ",\"result\":", result, "}");
  }

  static byte[] error(byte[] id, int code, String message) {
    String err = MAPPER.createObjectNode().put("code", code).put("message", message).toString();
    return concat("{\"jsonrpc\":\"2.0\",\"id\":", id, ",\"error\":", ToolReply.ascii(err), "}");
  }

  private static byte[] concat(String a, byte[] id, String b, byte[] value, String c) {
    byte[] out = new byte[a.length() + id.length + b.length() + value.length + c.length()];
    ByteBuffer.wrap(out)
        .put(ToolReply.ascii(a))
        .put(id)
        .put(ToolReply.ascii(b))
        .put(value)
        .put(ToolReply.ascii(c));
    return out;
  }

  private static byte[] toolsList(Set<String> payloadTools, boolean complete) {
    var tools = MAPPER.createArrayNode();
    for (String name : payloadTools.stream().sorted().toList()) {
      var t = tools.addObject();
      t.put("name", name);
      t.put("description", "Returns a fixed JSON list of support tickets (" + name + ").");
      t.putObject("inputSchema").put("type", "object").putObject("properties");
      t.putObject("annotations").put("readOnlyHint", true);
    }
    var echo = tools.addObject();
    echo.put("name", "echo");
    echo.put("description", "Returns its text argument.");
    var schema = echo.putObject("inputSchema").put("type", "object");
    schema.putObject("properties").putObject("text").put("type", "string");
    schema.putArray("required").add("text");
    echo.putObject("annotations").put("readOnlyHint", true);
    var result = MAPPER.createObjectNode();
    if (complete) {
      result.put("resultType", "complete");
    }
    result.set("tools", tools);
    return result.toString().getBytes(StandardCharsets.UTF_8);
  }
}
