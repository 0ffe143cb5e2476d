package dev.warden.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.pipeline.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a 2026-07-28 client gets that a stateful upstream does not send: every result says {@code
 * "resultType":"complete"}, a relayed {@code resources/read} carries cache hints, and log messages
 * come only when the request asked for a level. Results are amended by splicing the missing members
 * into the serialized response, so large results are never parsed into a tree.
 */
final class StatelessReplies {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  private static final List<String> LEVELS =
      List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private StatelessReplies() {}

  /** The response as the client's era needs it; the same array for the stateful era. */
  static byte[] finish(Exchange exchange, byte[] response) {
    if (!Era2026.stateless(exchange)) {
      return response;
    }
    return complete(response, "resources/read".equals(exchange.method()));
  }

  static String finish(Exchange exchange, String response) {
    if (!Era2026.stateless(exchange)) {
      return response;
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    byte[] done = finish(exchange, bytes);
    return done == bytes ? response : new String(done, StandardCharsets.UTF_8);
  }

  /**
   * Whether an upstream notification goes on to the client: log messages reach a 2026-07-28 client
   * only at or above the level its request named, and not at all when it named none.
   */
  static boolean relays(Exchange exchange, String method, String notification) {
    if (!Era2026.stateless(exchange) || !"notifications/message".equals(method)) {
      return true;
    }
    JsonNode params = exchange.message().params();
    String wanted =
        params == null
            ? ""
            : params.path("_meta").path(LOG_LEVEL).asText("").toLowerCase(java.util.Locale.ROOT);
    int floor = LEVELS.indexOf(wanted);
    if (floor < 0) {
      return false;
    }
    try {
      String level =
          JsonRpcCodec.MAPPER.readTree(notification).path("params").path("level").asText();
      return LEVELS.indexOf(level) >= floor;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@code response} with {@code resultType} (and, when {@code cacheable}, {@code ttlMs: 0} and
   * {@code cacheScope: "private"}) added to its result object where absent. Errors and anything
   * that is not a JSON-RPC result come back unchanged.
   */
  static byte[] complete(byte[] response, boolean cacheable) {
    try (JsonParser p = FACTORY.createParser(response)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return response;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("result".equals(field) && value == JsonToken.START_OBJECT) {
          return splice(response, p, cacheable);
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      return response; // not well-formed: relayed as it is, the client judges it
    }
    return response;
  }

  private static byte[] splice(byte[] response, JsonParser p, boolean cacheable)
      throws IOException {
    int open = (int) p.currentTokenLocation().getByteOffset();
    boolean empty = true;
    boolean type = false;
    boolean ttl = false;
    boolean scope = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      empty = false;
      switch (p.currentName()) {
        case "resultType" -> type = true;
        case "ttlMs" -> ttl = true;
        case "cacheScope" -> scope = true;
        default -> {}
      }
      p.nextToken();
      p.skipChildren();
    }
    StringBuilder add = new StringBuilder();
    if (!type) {
      add.append("\"resultType\":\"complete\",");
    }
    if (cacheable && !ttl) {
      add.append("\"ttlMs\":0,");
    }
    if (cacheable && !scope) {
      add.append("\"cacheScope\":\"private\",");
    }
    if (add.isEmpty() || response[open] != '{') {
      return response;
    }
    if (empty) {
      add.setLength(add.length() - 1);
    }
    byte[] insert = add.toString().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[response.length + insert.length];
    System.arraycopy(response, 0, out, 0, open + 1);
    System.arraycopy(insert, 0, out, open + 1, insert.length);
    System.arraycopy(response, open + 1, out, open + 1 + insert.length, response.length - open - 1);
    return out;
  }
}
