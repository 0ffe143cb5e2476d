package dev.warden.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Decodes client messages (with depth limits) and encodes gateway replies. */
public final class JsonRpcCodec {
  /** For building replies; never used to parse untrusted input. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectMapper reader;

  public JsonRpcCodec(int maxDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .build();
    this.reader = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The outcome of decoding one request body. */
  public sealed interface Decoded {}

  public record Ok(McpMessage message) implements Decoded {}

  /** The body is not a usable message; {@code id} is the request id when it could be read. */
  public record Bad(JsonRpcError error, JsonNode id) implements Decoded {}

  public Decoded decode(byte[] body) {
    JsonNode root;
    try {
      root = reader.readTree(body);
    } catch (StreamConstraintsException e) {
      return new Bad(new JsonRpcError(JsonRpcError.PARSE_ERROR, "JSON nested too deeply"), null);
    } catch (JsonProcessingException e) {
      return new Bad(new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: invalid JSON"), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      return new Bad(new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: empty body"), null);
    }
    if (root.isArray()) {
      return new Bad(
          new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Batch requests are not supported"), null);
    }
    if (!(root instanceof ObjectNode obj)) {
      return new Bad(
          new JsonRpcError(JsonRpcError.INVALID_REQUEST, "A JSON-RPC message must be an object"),
          null);
    }
    return classify(obj);
  }

  private static Decoded classify(ObjectNode obj) {
    JsonNode id = obj.get("id");
    JsonNode idOrNull = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    if (!"2.0".equals(text(obj.get("jsonrpc")))) {
      return invalid("jsonrpc must be \"2.0\"", idOrNull);
    }
    if (id != null && idOrNull == null) {
      return invalid("id must be a string or an integer", null);
    }
    JsonNode method = obj.get("method");
    JsonNode params = obj.get("params");
    if (method != null) {
      if (!method.isTextual() || method.asText().isEmpty()) {
        return invalid("method must be a non-empty string", idOrNull);
      }
      if (params != null && !params.isObject()) {
        return invalid("params must be an object", idOrNull);
      }
      McpMessage.Kind kind = id == null ? McpMessage.Kind.NOTIFICATION : McpMessage.Kind.REQUEST;
      return new Ok(new McpMessage(kind, id, method.asText(), (ObjectNode) params, obj));
    }
    if (id != null && (obj.has("result") || obj.has("error"))) {
      return new Ok(new McpMessage(McpMessage.Kind.RESPONSE, id, null, null, obj));
    }
    return invalid("not a request, notification or response", idOrNull);
  }

  private static Bad invalid(String why, JsonNode id) {
    return new Bad(new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Invalid request: " + why), id);
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() ? null : n.asText();
  }

  /** {@code {"jsonrpc":"2.0","id":…,"result":…}} */
  public static byte[] result(JsonNode id, JsonNode result) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("result", result);
    return bytes(out);
  }

  /** {@code {"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}}; id null when unknown. */
  public static byte[] error(JsonNode id, JsonRpcError error) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    ObjectNode err = out.putObject("error");
    err.put("code", error.code());
    err.put("message", error.message());
    if (error.data() != null) {
      err.set("data", error.data());
    }
    return bytes(out);
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree built in memory always serializes", e);
    }
  }
}
