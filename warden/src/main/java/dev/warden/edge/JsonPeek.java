package dev.warden.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What kind of JSON-RPC message a relayed event holds, read with the streaming parser without
 * building a tree: results can be large and need no parsing to be relayed.
 */
record JsonPeek(boolean hasMethod, boolean hasId, String method) {
  private static final JsonFactory FACTORY = new JsonFactory();

  boolean isResponse() {
    return !hasMethod && hasId;
  }

  boolean isServerRequest() {
    return hasMethod && hasId;
  }

  static JsonPeek of(String json) {
    boolean hasMethod = false;
    boolean hasId = false;
    String method = null;
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new JsonPeek(false, false, null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("method".equals(field) && value == JsonToken.VALUE_STRING) {
          hasMethod = true;
          method = p.getText();
        } else if ("id".equals(field)) {
          hasId = value != JsonToken.VALUE_NULL;
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      return new JsonPeek(false, false, null);
    }
    return new JsonPeek(hasMethod, hasId, method);
  }
}
