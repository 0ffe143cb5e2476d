package dev.warden.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One answer of the admin listener, complete before anything is written. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";

  /** Snake case so that {@code timeoutMs} goes out as {@code timeout_ms}, as the API documents. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, Object value) {
    return new Reply(status, JSON, toJson(value), Map.of());
  }

  static Reply text(int status, String contentType, String text) {
    return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The error shape every admin endpoint shares: {@code {"error": {"code", "message"}}}. */
  static Reply error(int status, String code, String message) {
    return json(status, Map.of("error", new ErrorBody(code, message)));
  }

  Reply withHeader(String name, String value) {
    var more = new HashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  static byte[] toJson(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("admin views are plain records and always serialise", e);
    }
  }

  private record ErrorBody(String code, String message) {}
}
