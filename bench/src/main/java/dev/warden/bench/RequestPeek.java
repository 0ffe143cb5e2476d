package dev.warden.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the upstream needs from a JSON-RPC message, read in one streaming pass without a tree: the
 * method, the id as JSON bytes ready to splice into the reply, and for tools/call the tool name.
 *
 * @param method null for a response
 * @param id the id exactly as it must appear in the reply ({@code 7}, {@code "a-1"}); null for a
 *     notification
 * @param tool params.name, or null
 */
record RequestPeek(String method, byte[] id, String tool) {
  private static final JsonFactory FACTORY = new JsonFactory();

  boolean isNotification() {
    return method != null && id == null;
  }

  boolean isResponse() {
    return method == null;
  }

  /** Reads the message; throws on anything that is not a JSON object. */
  static RequestPeek of(byte[] body, int offset, int length) throws IOException {
    String method = null;
    byte[] id = null;
    String tool = null;
    try (JsonParser p = FACTORY.createParser(body, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "method" -> method = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "id" -> id = idBytes(p, value);
          case "params" -> tool = value == JsonToken.START_OBJECT ? toolName(p) : skip(p);
          default -> p.skipChildren();
        }
      }
    }
    return new RequestPeek(method, id, tool);
  }

  private static byte[] idBytes(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NUMBER_INT -> p.getText().getBytes(StandardCharsets.US_ASCII);
      case VALUE_STRING -> {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(p.getText());
        byte[] out = new byte[quoted.length + 2];
        out[0] = '"';
        System.arraycopy(quoted, 0, out, 1, quoted.length);
        out[out.length - 1] = '"';
        yield out;
      }
      default -> {
        p.skipChildren();
        yield null;
      }
    };
  }

  /** Inside params: returns name, skipping everything else (arguments included). */
  private static String toolName(JsonParser p) throws IOException {
    String name = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return name;
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
