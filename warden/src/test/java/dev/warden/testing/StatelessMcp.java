package dev.warden.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks protocol 2026-07-28 by hand (no SDK speaks it yet): no initialize and no session; every
 * request carries its version, capabilities and client info in {@code _meta} and mirrors its method
 * and target in the Mcp-Method and Mcp-Name headers.
 */
public final class StatelessMcp {
  public static final String VERSION = "2026-07-28";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RawMcp raw;
  private final AtomicInteger ids = new AtomicInteger();

  public StatelessMcp(RawMcp raw) {
    this.raw = raw;
  }

  public RawMcp raw() {
    return raw;
  }

  /** A request body with a fresh id ("r1", "r2", …) and the protocol members in {@code _meta}. */
  public String body(String method, ObjectNode params) {
    return body(method, params, VERSION);
  }

  public String body(String method, ObjectNode params, String version) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", "r" + ids.incrementAndGet());
    request.put("method", method);
    ObjectNode p = params == null ? JSON.createObjectNode() : params.deepCopy();
    ObjectNode meta = p.putObject("_meta");
    meta.put("io.modelcontextprotocol/protocolVersion", version);
    meta.putObject("io.modelcontextprotocol/clientCapabilities");
    meta.putObject("io.modelcontextprotocol/clientInfo")
        .put("name", "raw-2026")
        .put("version", "1");
    if (params != null && params.get("_meta") instanceof ObjectNode extra) {
      meta.setAll(extra);
    }
    request.set("params", p);
    return request.toString();
  }

  /** The headers a well-behaved client sends; {@code name} null for methods without Mcp-Name. */
  public Map<String, String> headers(String method, String name) {
    Map<String, String> h = new LinkedHashMap<>(raw.headers(null));
    h.put("MCP-Protocol-Version", VERSION);
    h.put("Mcp-Method", method);
    if (name != null) {
      h.put("Mcp-Name", headerValue(name));
    }
    return h;
  }

  /** A header value as the spec has clients send it: plain visible ASCII, otherwise base64. */
  public static String headerValue(String value) {
    boolean plain = !value.isEmpty() && !value.startsWith("=?base64?");
    for (char c : value.toCharArray()) {
      plain &= c > 0x20 && c < 0x7f;
    }
    return plain
        ? value
        : "=?base64?"
            + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
            + "?=";
  }

  public RawMcp.Reply call(String method, String name, ObjectNode params) {
    return raw.post(headers(method, name), body(method, params));
  }

  public RawMcp.Reply call(String method) {
    return call(method, null, null);
  }

  public RawMcp.Reply callTool(String tool, Map<String, ?> arguments) {
    return callTool(tool, arguments, Map.of());
  }

  /** A tools/call that also sends {@code extraHeaders} (Mcp-Param-* ones, say). */
  public RawMcp.Reply callTool(
      String tool, Map<String, ?> arguments, Map<String, String> extraHeaders) {
    ObjectNode params = JSON.createObjectNode();
    params.put("name", tool);
    params.set("arguments", JSON.valueToTree(arguments));
    Map<String, String> headers = headers("tools/call", tool);
    headers.putAll(extraHeaders);
    return raw.post(headers, body("tools/call", params));
  }

  /** Opens a subscriptions/listen stream with this filter; read on a background thread. */
  public EventStream listen(ObjectNode filter) {
    ObjectNode params = JSON.createObjectNode();
    params.set("notifications", filter);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(raw.endpoint())
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body("subscriptions/listen", params)));
    headers("subscriptions/listen", null).forEach(b::header);
    try {
      HttpResponse<InputStream> r =
          raw.http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new EventStream(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
