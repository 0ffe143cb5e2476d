package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {
  private static final byte[] ID = "12".getBytes(StandardCharsets.US_ASCII);
  private final ToolReply expected = new ToolReply(PayloadText.of(256));
  private final ReplyCheck check = new ReplyCheck(expected);

  @Test
  void acceptsTheExactReply() {
    byte[] body = expected.bytes(ID);
    assertThat(check.problem(200, "application/json", body, body.length, ID)).isNull();
  }

  @Test
  void acceptsTheSameResultReserializedOrAsAnEventStream() {
    String reordered =
        "{\"id\":12,\"result\":{\"isError\":false,\"content\":[{\"type\":\"text\",\"text\":"
            + quote(expected.text())
            + "}]},\"jsonrpc\":\"2.0\"}";
    assertThat(check.problem(200, "application/json", bytes(reordered), reordered.length(), ID))
        .isNull();
    String sse = "event: message\ndata: " + new String(expected.bytes(ID)) + "\n\n";
    assertThat(check.problem(200, "text/event-stream", bytes(sse), sse.length(), ID)).isNull();
  }

  @Test
  void reportsHttpStatusJsonRpcErrorsAndToolErrors() {
    String err = "{\"jsonrpc\":\"2.0\",\"id\":12,\"error\":{\"code\":-32602,\"message\":\"no\"}}";
    String denied =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"content\":[{\"type\":\"text\","
            + "\"text\":\"Denied by Warden rule x\"}],\"isError\":true}}";
    assertThat(check.problem(401, "application/json", bytes(err), err.length(), ID))
        .startsWith("HTTP 401");
    assertThat(check.problem(200, "application/json", bytes(err), err.length(), ID))
        .startsWith("JSON-RPC error");
    assertThat(check.problem(200, "application/json", bytes(denied), denied.length(), ID))
        .isEqualTo("isError: Denied by Warden rule x");
  }

  @Test
  void reportsAWrongIdOrTruncatedContent() {
    byte[] other = expected.bytes("13".getBytes(StandardCharsets.US_ASCII));
    assertThat(check.problem(200, "application/json", other, other.length, ID))
        .startsWith("reply id 13");
    String shortText =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"content\":[{\"type\":\"text\","
            + "\"text\":\"abc\"}],\"isError\":false}}";
    assertThat(check.problem(200, "application/json", bytes(shortText), shortText.length(), ID))
        .isEqualTo("unexpected content (3 chars)");
  }

  @Test
  void a2026ReplyMustSayItsResultIsComplete() {
    ToolReply complete = new ToolReply(expected.text(), true);
    ReplyCheck check2026 = new ReplyCheck(complete, true);
    byte[] exact = complete.bytes(ID);
    assertThat(new String(exact, StandardCharsets.UTF_8))
        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"resultType\":\"complete\",");
    assertThat(check2026.problem(200, "application/json", exact, exact.length, ID)).isNull();

    String moved =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
            + quote(expected.text())
            + "}],\"isError\":false,\"resultType\":\"complete\"}}";
    assertThat(check2026.problem(200, "application/json", bytes(moved), moved.length(), ID))
        .isNull();

    byte[] stateful = expected.bytes(ID);
    assertThat(check2026.problem(200, "application/json", stateful, stateful.length, ID))
        .startsWith("resultType");
    String incomplete = moved.replace("\"complete\"", "\"input_required\"");
    assertThat(
            check2026.problem(200, "application/json", bytes(incomplete), incomplete.length(), ID))
        .startsWith("resultType \"input_required\"");
    byte[] oneK = new ToolReply(PayloadText.of(1024), true).bytes(ID);
    assertThat(
            ReplyCheck.of("1k", BenchCase.Era.V2026)
                .problem(200, "application/json", oneK, oneK.length, ID))
        .isNull();
    assertThat(
            ReplyCheck.of("1k", BenchCase.Era.V2025)
                .problem(200, "application/json", oneK, oneK.length, ID))
        .isNull(); // a 2025-11-25 client does not mind the extra member
  }

  @Test
  void takesTheLastEventOfAStream() {
    String sse = "data: {\"a\":1}\r\n\r\n: keep-alive\n\ndata: {\"b\":\ndata: 2}\n\n";
    byte[] data = SseData.lastEvent(bytes(sse), sse.length());
    assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("{\"b\":\n2}");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
