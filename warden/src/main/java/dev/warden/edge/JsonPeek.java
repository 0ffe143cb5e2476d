package dev.warden.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * What kind of JSON-RPC message a relayed upstream message is, read with the streaming parser
 * without building a tree: results can be large and need no parsing to be relayed, but the upstream
 * is untrusted, so what is not a well-formed JSON-RPC message is recognised as such.
 *
 * @param valid a single well-formed JSON object
 * @param method the method, null when absent
 * @param id the id as a string or number node, null when absent or null
 * @param hasOutcome a "result" or "error" member is present
 */
record JsonPeek(boolean valid, String method, JsonNode id, boolean hasOutcome) {
  private static final JsonFactory FACTORY = new JsonFactory();
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
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    } catch (IOException e) {
      return INVALID;
    }
  }

  static JsonPeek of(byte[] json) {
    return of(json, 0, json.length);
  }

  static JsonPeek of(byte[] json, int off, int len) {
    try (JsonParser p = FACTORY.createParser(json, off, len)) {
      return read(p);
    } catch (IOException e) {
      return INVALID;
    }
  }

  private static JsonPeek read(JsonParser p) throws IOException {
    String method = null;
    JsonNode id = null;
    boolean hasOutcome = false;
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return INVALID;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "method" -> method = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "id" -> id = idNode(p, value);
        case "result", "error" -> hasOutcome = true;
        default -> {}
      }
      p.skipChildren(); // still tokenizes every byte, so malformed JSON anywhere is caught
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      return INVALID; // truncated, or something after the object
    }
    return new JsonPeek(true, method, id, hasOutcome);
  }

  private static JsonNode idNode(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
      case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
      default -> null;
    };
  }
}
