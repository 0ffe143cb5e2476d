package dev.warden.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides whether a tools/call reply is the expected result. The common case costs one byte
 * comparison with the reply the upstream sends; anything else (re-serialized JSON, an event stream)
 * is parsed and compared by meaning, so only real errors count as errors.
 */
final class ReplyCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ToolReply expected;
  private final boolean complete;

  ReplyCheck(ToolReply expected) {
    this(expected, false);
  }

  /**
   * {@code complete}: the reply is for a 2026-07-28 client, so its result must also say {@code
   * "resultType":"complete"}.
   */
  ReplyCheck(ToolReply expected, boolean complete) {
    this.expected = expected;
    this.complete = complete;
  }

  /** The check of a {@code payload} tool's replies in {@code era}. */
  static ReplyCheck of(String payload, BenchCase.Era era) {
    boolean complete = era == BenchCase.Era.V2026;
    String text = PayloadText.of(PayloadText.parseSize(payload));
    return new ReplyCheck(new ToolReply(text, complete), complete);
  }

  /** Null when {@code body[0, length)} is the expected result for {@code id}; else the problem. */
  String problem(int status, String contentType, byte[] body, int length, byte[] id) {
    if (status != 200) {
      return "HTTP " + status + ": " + snippet(body, 0, length);
    }
    if (contentType != null && contentType.startsWith("text/event-stream")) {
      byte[] data = SseData.lastEvent(body, length);
      if (data == null) {
        return "event stream without a message";
      }
      return problem(200, "application/json", data, data.length, id);
    }
    if (expected.matches(body, length, id)) {
      return null;
    }
    return byMeaning(body, length, id);
  }

  private String byMeaning(byte[] body, int length, byte[] id) {
    JsonNode reply;
    try {
      reply = MAPPER.readTree(body, 0, length);
    } catch (IOException e) {
      return "not JSON: " + snippet(body, 0, length);
    }
    if (reply.has("error")) {
      return "JSON-RPC error " + reply.get("error");
    }
    if (!reply.path("id").toString().equals(new String(id, StandardCharsets.UTF_8))) {
      return "reply id " + reply.path("id") + " for request id " + new String(id);
    }
    JsonNode result = reply.path("result");
    if (result.path("isError").asBoolean(false)) {
      return "isError: " + result.path("content").path(0).path("text").asText();
    }
    if (complete && !"complete".equals(result.path("resultType").asText(null))) {
      return "resultType " + result.path("resultType") + " where a 2026-07-28 result says complete";
    }
    String text = result.path("content").path(0).path("text").asText(null);
    if (!expected.text().equals(text)) {
      return "unexpected content (" + (text == null ? "none" : text.length() + " chars") + ")";
    }
    return null;
  }

  static String snippet(byte[] body, int offset, int length) {
    int n = Math.min(length, 200);
    return new String(Arrays.copyOfRange(body, offset, offset + n), StandardCharsets.UTF_8)
        + (length > n ? "…" : "");
  }
}
