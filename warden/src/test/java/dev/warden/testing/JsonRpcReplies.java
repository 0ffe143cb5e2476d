package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** JSON-RPC answers as the hand-built upstream servers of the tests write them. */
final class JsonRpcReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRpcReplies() {}

  /** A result message for request {@code id}. */
  static String result(JsonNode id, ObjectNode result) {
    ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0");
    m.set("id", id);
    m.set("result", result);
    return m.toString();
  }

  /** An error message for request {@code id}. */
  static String error(JsonNode id, int code, String message) {
    ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0");
    m.set("id", id);
    m.putObject("error").put("code", code).put("message", message);
    return m.toString();
  }

  /** Answers with {@code status} and {@code body} as JSON, or no body when it is null. */
  static void reply(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    if (body == null) {
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body, callback);
  }
}
