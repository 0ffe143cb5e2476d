package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the data events out of a text/event-stream body. */
public final class SseText {
  private SseText() {}

  public static List<JsonNode> messages(String stream) {
    List<JsonNode> out = new ArrayList<>();
    StringBuilder data = null;
    for (String line : stream.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (data != null && !data.isEmpty()) {
          out.add(RawMcp.parse(data.toString()));
        }
        data = null;
      } else if (line.startsWith("data:")) {
        String v = line.substring(5);
        v = v.startsWith(" ") ? v.substring(1) : v;
        data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
      }
    }
    if (data != null && !data.isEmpty()) {
      out.add(RawMcp.parse(data.toString()));
    }
    return out;
  }
}
