package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the small JSON Schema objects the demo tools declare. */
final class SchemaBuilder {
  private final ObjectNode schema = Json.object().put("type", "object");
  private final ObjectNode properties = schema.putObject("properties");
  private final ArrayNode required = Json.array();

  static SchemaBuilder object() {
    return new SchemaBuilder();
  }

  SchemaBuilder string(String name, String description, boolean isRequired) {
    return property(
        name, Json.object().put("type", "string").put("description", description), isRequired);
  }

  SchemaBuilder enumeration(String name, String description, boolean isRequired, String... values) {
    ObjectNode p = Json.object().put("type", "string").put("description", description);
    ArrayNode list = p.putArray("enum");
    for (String v : values) {
      list.add(v);
    }
    return property(name, p, isRequired);
  }

  SchemaBuilder integer(String name, String description, int min, int max) {
    ObjectNode p =
        Json.object()
            .put("type", "integer")
            .put("description", description)
            .put("minimum", min)
            .put("maximum", max);
    return property(name, p, false);
  }

  SchemaBuilder property(String name, JsonNode propertySchema, boolean isRequired) {
    properties.set(name, propertySchema);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  ObjectNode build() {
    ObjectNode copy = schema.deepCopy();
    if (!required.isEmpty()) {
      copy.set("required", required.deepCopy());
    }
    return copy;
  }

  /** {"type": "array", "items": items} */
  static ObjectNode arrayOf(JsonNode items) {
    ObjectNode array = Json.object().put("type", "array");
    array.set("items", items);
    return array;
  }

  static ObjectNode type(String type) {
    return Json.object().put("type", type);
  }
}
