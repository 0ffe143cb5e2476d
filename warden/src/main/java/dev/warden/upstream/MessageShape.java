package dev.warden.upstream;

import dev.warden.mcp.JsonScanner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The top level of one JSON-RPC message, read by {@link JsonScanner} in a single pass that also
 * checks the whole message is well-formed: its kind and where its id sits, so the id can be swapped
 * without re-serializing the message.
 *
 * @param idStart offset of the id value's first byte, or -1 without an id
 * @param idEnd offset just past the id value
 * @param idText the id as a string (a string id's text, a number's digits), or null
 */
record MessageShape(boolean hasMethod, boolean isResponse, int idStart, int idEnd, String idText) {
  /** The shape of {@code message}; null when it is not one well-formed JSON object. */
  static MessageShape of(byte[] message) {
    Members m = new Members(message);
    return JsonScanner.object(message, 0, message.length, m)
        ? new MessageShape(m.method, m.response, m.idStart, m.idEnd, m.idText)
        : null;
  }

  /** The members a shape keeps, heard as the scanner reads the object; the last of a name wins. */
  private static final class Members implements JsonScanner.Members {
    private final byte[] message;
    boolean method;
    boolean response;
    int idStart = -1;
    int idEnd = -1;
    String idText;

    Members(byte[] message) {
      this.message = message;
    }

    @Override
    public void member(int nameStart, int nameEnd, int valueStart, int valueEnd) {
      if (JsonScanner.named(message, nameStart, nameEnd, "method")) {
        method = true;
      } else if (JsonScanner.named(message, nameStart, nameEnd, "result")
          || JsonScanner.named(message, nameStart, nameEnd, "error")) {
        response = true;
      } else if (JsonScanner.named(message, nameStart, nameEnd, "id")) {
        byte first = message[valueStart];
        if (first == '"') {
          idText = JsonScanner.text(message, valueStart + 1, valueEnd - 1);
        } else if (first == '-' || (first >= '0' && first <= '9')) {
          idText =
              new String(message, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII);
        } else {
          return; // null, true, an object: no id a response can be matched by
        }
        idStart = valueStart;
        idEnd = valueEnd;
      }
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
}
