package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * What kind of JSON-RPC message a relayed upstream message is, read in one validating pass without
 * building a tree ({@link JsonScan}): results can be large and need no parsing to be relayed, but
 * the upstream is untrusted, so what is not a well-formed JSON-RPC message is recognised as such.
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
    JsonPeek peek = JsonScan.peek(json);
    return peek == null ? INVALID : peek;
  }
}
