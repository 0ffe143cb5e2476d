package dev.warden.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Arrays;

/**
 * The top level of one JSON-RPC message, read in a single streaming pass without building a tree:
 * its kind and where its id sits, so the id can be swapped without re-serializing the message.
 *
 * @param idStart offset of the id value's first byte, or -1 without an id
 * @param idEnd offset just past the id value
 * @param idText the id as a string (a string id's text, a number's digits), or null
 */
record MessageShape(boolean hasMethod, boolean isResponse, int idStart, int idEnd, String idText) {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(256)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build())
          .build();

  /** The shape of {@code message}; null when it is not a JSON object. */
  static MessageShape of(byte[] message) {
    try (JsonParser p = FACTORY.createParser(message)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean method = false;
      boolean response = false;
      int start = -1;
      int end = -1;
      String text = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "method" -> method = true;
          case "result", "error" -> response = true;
          case "id" -> {
            if (value == JsonToken.VALUE_STRING || value.isNumeric()) {
              start = (int) p.currentTokenLocation().getByteOffset();
              text = p.getText();
              end = valueEnd(message, start);
            }
          }
          default -> {}
        }
        p.skipChildren();
      }
      return new MessageShape(method, response, start, end, text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  boolean hasId() {
    return idStart >= 0;
  }

  boolean isNotification() {
    return hasMethod && !hasId();
  }

  boolean isServerRequest() {
    return hasMethod && hasId();
  }

  /** The id value's JSON bytes, as written. */
  byte[] idBytes(byte[] message) {
    return Arrays.copyOfRange(message, idStart, idEnd);
  }

  /** {@code message} with its id value replaced by {@code id} (JSON bytes). */
  byte[] withId(byte[] message, byte[] id) {
    byte[] out = new byte[message.length - (idEnd - idStart) + id.length];
    System.arraycopy(message, 0, out, 0, idStart);
    System.arraycopy(id, 0, out, idStart, id.length);
    System.arraycopy(message, idEnd, out, idStart + id.length, message.length - idEnd);
    return out;
  }

  /** End of the string or number value starting at {@code start}. */
  private static int valueEnd(byte[] m, int start) {
    int i = start;
    if (m[i] == '"') {
      for (i++; i < m.length; i++) {
        if (m[i] == '\\') {
          i++;
        } else if (m[i] == '"') {
          return i + 1;
        }
      }
      return m.length;
    }
    while (i < m.length && "+-0123456789.eE".indexOf(m[i]) >= 0) {
      i++;
    }
    return i;
  }
}
