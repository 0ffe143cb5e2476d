package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.mcp.JsonScanner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * What kind of JSON-RPC message a relayed upstream message is, read by {@link JsonScanner} without
 * building anything: results can be large and need no parsing to be relayed, but the upstream is
 * untrusted, so what is not one well-formed JSON-RPC message is recognised as such.
 *
 * @param valid a single well-formed JSON object
 * @param method the method, null when absent
 * @param id the id as a string or number node, null when absent or null
 * @param hasOutcome a "result" or "error" member is present
 */
record JsonPeek(boolean valid, String method, JsonNode id, boolean hasOutcome) {
  private static final JsonPeek INVALID = new JsonPeek(false, null, null, false);

  boolean isResponse() {
    return valid && method == null && id != null && hasOutcome;
  }

  boolean isServerRequest() {
    return valid && method != null && id != null;
  }

  boolean isNotification() {
    return valid && method != null && id == null;
  }

  /** True when this is the response to the request with {@code requestId}. */
  boolean answers(JsonNode requestId) {
    return isResponse()
        && requestId != null
        && id.isTextual() == requestId.isTextual()
        && id.asText().equals(requestId.asText());
  }

  static JsonPeek of(String json) {
    return of(json.getBytes(StandardCharsets.UTF_8));
  }

  static JsonPeek of(byte[] json) {
    return of(json, 0, json.length);
  }

  static JsonPeek of(byte[] json, int off, int len) {
    Members members = new Members(json);
    return JsonScanner.object(json, off, len, members)
        ? new JsonPeek(true, members.method, members.id, members.hasOutcome)
        : INVALID;
  }

  /** The members a peek keeps, heard as the scanner reads the object; the last of a name wins. */
  private static final class Members implements JsonScanner.Members {
    private final byte[] json;
    String method;
    JsonNode id;
    boolean hasOutcome;

    Members(byte[] json) {
      this.json = json;
    }

    @Override
    public void member(int nameStart, int nameEnd, int valueStart, int valueEnd) {
      if (JsonScanner.named(json, nameStart, nameEnd, "method")) {
        method = string(valueStart, valueEnd);
      } else if (JsonScanner.named(json, nameStart, nameEnd, "id")) {
        id = idNode(valueStart, valueEnd);
      } else if (JsonScanner.named(json, nameStart, nameEnd, "result")
          || JsonScanner.named(json, nameStart, nameEnd, "error")) {
        hasOutcome = true;
      }
    }

    /** A string value's text, or null for any other value. */
    private String string(int start, int end) {
      return json[start] == '"' ? JsonScanner.text(json, start + 1, end - 1) : null;
    }

    /** A string id as a text node, an integer id as a number node; null for anything else. */
    private JsonNode idNode(int start, int end) {
      if (json[start] == '"') {
        return JsonNodeFactory.instance.textNode(JsonScanner.text(json, start + 1, end - 1));
      }
      for (int i = start; i < end; i++) {
        byte c = json[i];
        if (c != '-' && (c < '0' || c > '9')) {
          return null; // a fraction or exponent, true, false, null, an object or an array
        }
      }
      String digits = new String(json, start, end - start, StandardCharsets.US_ASCII);
      return JsonNodeFactory.instance.numberNode(new BigInteger(digits));
    }
  }
}
