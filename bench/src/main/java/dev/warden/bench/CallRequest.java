package dev.warden.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A request as the load generator sends it in one protocol era: the JSON-RPC body up to its id
 * (which ends the object, so a call costs one splice) and the headers that go with it.
 *
 * <p>2025-11-25: the body names the method and params only; the session header is added per worker
 * and {@code MCP-Protocol-Version} follows initialize. 2026-07-28: no initialize, no session; every
 * request carries {@code _meta} with its protocol version, client capabilities and client info, and
 * mirrors its method and target in {@code Mcp-Method} and {@code Mcp-Name}.
 *
 * @param prefix the body up to and including {@code "id":}; append the id and {@code }}
 * @param headers every header but authorization and the session
 */
record CallRequest(byte[] prefix, List<HttpField> headers) {
  static final String VERSION_HEADER = "MCP-Protocol-Version";
  static final String METHOD_HEADER = "Mcp-Method";
  static final String NAME_HEADER = "Mcp-Name";
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  static final HttpField ACCEPT =
      new PreEncodedHttpField(HttpHeader.ACCEPT, "application/json, text/event-stream");

  /** {@code tools/call} of {@code tool} without arguments. */
  static CallRequest toolsCall(BenchCase.Era era, String tool) {
    String params = "{\"name\":\"" + quote(tool) + "\",\"arguments\":{}" + meta(era) + "}";
    return of(era, "tools/call", tool, params);
  }

  /** {@code tools/list} (one page). */
  static CallRequest toolsList(BenchCase.Era era) {
    String meta = meta(era);
    return of(era, "tools/list", null, meta.isEmpty() ? null : "{" + meta.substring(1) + "}");
  }

  /** The whole body for {@code id} (JSON, e.g. {@code 7}). */
  byte[] body(byte[] id) {
    byte[] body = new byte[prefix.length + id.length + 1];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(id, 0, body, prefix.length, id.length);
    body[body.length - 1] = '}';
    return body;
  }

  String body(long id) {
    return new String(
        body(Long.toString(id).getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
  }

  /** A header value as 2026-07-28 clients send it: visible ASCII as is, otherwise base64. */
  static String headerValue(String value) {
    boolean plain = !value.isEmpty() && !value.startsWith("=?base64?");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      plain &= c > 0x20 && c < 0x7f;
    }
    return plain
        ? value
        : "=?base64?"
            + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
            + "?=";
  }

  private static CallRequest of(BenchCase.Era era, String method, String name, String params) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"method\":\""
            + method
            + "\","
            + (params == null ? "" : "\"params\":" + params + ",")
            + "\"id\":";
    List<HttpField> headers = new ArrayList<>();
    headers.add(ACCEPT);
    headers.add(new PreEncodedHttpField(VERSION_HEADER, era.version));
    if (era == BenchCase.Era.V2026) {
      headers.add(new PreEncodedHttpField(METHOD_HEADER, method));
      if (name != null) {
        headers.add(new PreEncodedHttpField(NAME_HEADER, headerValue(name)));
      }
    }
    return new CallRequest(body.getBytes(StandardCharsets.UTF_8), List.copyOf(headers));
  }

  /** {@code ,"_meta":{…}} for 2026-07-28, empty for 2025-11-25. */
  private static String meta(BenchCase.Era era) {
    if (era != BenchCase.Era.V2026) {
      return "";
    }
    return ",\"_meta\":{\""
        + META_VERSION
        + "\":\""
        + era.version
        + "\",\""
        + META_CAPABILITIES
        + "\":{},\""
        + META_CLIENT_INFO
        + "\":{\"name\":\"warden-bench\",\"version\":\"1\"}}";
  }

  private static String quote(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s));
  }
}
