package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer to a {@code server/discover} probe the way the 2026-07-28 specification has a
 * client that speaks both eras read it: a result, or a recognized error of the stateless era, means
 * the server speaks it; anything else (an empty or unrecognized 4xx) means the stateful era.
 */
final class Discoveries {
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  private static final int HEADER_MISMATCH = -32020;
  private static final int MISSING_CAPABILITY = -32021;
  private static final int UNSUPPORTED_VERSION = -32022;

  private Discoveries() {}

  static StatelessHttpSession.Discovery classify(String server, int status, byte[] body)
      throws UpstreamException {
    if (status >= 500) {
      throw new UpstreamException(server, Kind.HTTP_STATUS, "answered HTTP " + status);
    }
    JsonNode message = parse(body);
    if (message.get("result") instanceof ObjectNode result && status == 200) {
      return new StatelessHttpSession.Discovery(asInitializeResult(server, result), "");
    }
    JsonNode error = message.path("error");
    int code = error.path("code").asInt(0);
    if (code == UNSUPPORTED_VERSION) {
      List<String> supported = new ArrayList<>();
      error.path("data").path("supported").forEach(v -> supported.add(v.asText()));
      if (supported.stream().anyMatch(ProtocolVersions::isSupported)) {
        return new StatelessHttpSession.Discovery(null, "it supports " + supported);
      }
      throw new UpstreamException(
          server, Kind.PROTOCOL, "speaks none of Warden's protocol versions: " + supported);
    }
    if (code == HEADER_MISMATCH || code == MISSING_CAPABILITY) {
      throw new UpstreamException(
          server,
          Kind.PROTOCOL,
          "refused server/discover (" + code + "): " + error.path("message").asText(""));
    }
    return new StatelessHttpSession.Discovery(null, "server/discover answered HTTP " + status);
  }

  /** The discover result as an InitializeResult would describe the server. */
  static ObjectNode asInitializeResult(String server, ObjectNode discover) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("protocolVersion", ProtocolVersions.V2026_07_28);
    JsonNode caps = discover.get("capabilities");
    out.set(
        "capabilities", caps instanceof ObjectNode c ? c : JsonNodeFactory.instance.objectNode());
    JsonNode info = discover.path("_meta").get(SERVER_INFO);
    if (info instanceof ObjectNode i) {
      out.set("serverInfo", i);
    } else {
      out.putObject("serverInfo").put("name", server).put("version", "");
    }
    if (discover.path("instructions").isTextual()) {
      out.set("instructions", discover.get("instructions"));
    }
    return out;
  }

  /** The first response message of an event stream, or nothing. */
  static byte[] firstResponse(byte[] eventStream) {
    SseReader events = new SseReader(new ByteArrayInputStream(eventStream), eventStream.length + 1);
    try {
      for (SseEvent e = events.next(); e != null; e = events.next()) {
        JsonNode m = parse(e.data().getBytes(StandardCharsets.UTF_8));
        if (!m.has("method") && (m.has("result") || m.has("error"))) {
          return e.data().getBytes(StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      // nothing usable
    }
    return new byte[0];
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode n = JsonRpcCodec.MAPPER.readTree(body);
      return n == null ? JsonNodeFactory.instance.missingNode() : n;
    } catch (IOException e) {
      return JsonNodeFactory.instance.missingNode();
    }
  }
}
