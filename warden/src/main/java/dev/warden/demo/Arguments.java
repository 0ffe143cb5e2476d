package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Typed reads of a tool's arguments. A missing or mistyped argument throws {@link
 * IllegalArgumentException}, which the endpoint turns into an {@code isError} result the model can
 * correct.
 */
record Arguments(JsonNode node) {

  /** A required, non-blank string. */
  String text(String name) {
    return optionalText(name)
        .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is required"));
  }

  Optional<String> optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    String text = value.textValue().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** An optional integer, clamped into [min, max]. */
  int integer(String name, int fallback, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isNumber()) {
      throw new IllegalArgumentException("'" + name + "' must be an integer");
    }
    return Math.clamp(value.intValue(), min, max);
  }
}
