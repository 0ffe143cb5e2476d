package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcCodecTest {
  private final JsonRpcCodec codec = new JsonRpcCodec(8);

  private JsonRpcCodec.Decoded decode(String json) {
    return codec.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesRequestKeepingItsIdAsSent() {
    var ok =
        (JsonRpcCodec.Ok) decode("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"tools/list\"}");
    assertThat(ok.message().kind()).isEqualTo(McpMessage.Kind.REQUEST);
    assertThat(ok.message().id().asText()).isEqualTo("a-1");
    assertThat(ok.message().method()).isEqualTo("tools/list");
  }

  @Test
  void notificationAndResponseAreTold() {
    assertThat(
            ((JsonRpcCodec.Ok)
                    decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .message()
                .kind())
        .isEqualTo(McpMessage.Kind.NOTIFICATION);
    assertThat(
            ((JsonRpcCodec.Ok) decode("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"))
                .message()
                .kind())
        .isEqualTo(McpMessage.Kind.RESPONSE);
  }

  @Test
  void rejectsMalformedJsonAsParseError() {
    var bad = (JsonRpcCodec.Bad) decode("{\"jsonrpc\":");
    assertThat(bad.error().code()).isEqualTo(JsonRpcError.PARSE_ERROR);
  }

  @Test
  void rejectsTrailingGarbage() {
    var bad = (JsonRpcCodec.Bad) decode("{\"jsonrpc\":\"2.0\",\"method\":\"x\"} {}");
    assertThat(bad.error().code()).isEqualTo(JsonRpcError.PARSE_ERROR);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":"
            + "{\"a\":".repeat(10)
            + "1"
            + "}".repeat(10)
            + "}";
    var bad = (JsonRpcCodec.Bad) decode(deep);
    assertThat(bad.error().code()).isEqualTo(JsonRpcError.PARSE_ERROR);
    assertThat(bad.error().message()).contains("deep");
  }

  @Test
  void rejectsBatchesAndNonObjects() {
    assertThat(
            ((JsonRpcCodec.Bad) decode("[{\"jsonrpc\":\"2.0\",\"method\":\"x\"}]")).error().code())
        .isEqualTo(JsonRpcError.INVALID_REQUEST);
    assertThat(((JsonRpcCodec.Bad) decode("42")).error().code())
        .isEqualTo(JsonRpcError.INVALID_REQUEST);
  }

  @Test
  void rejectsWrongShapesButKeepsAReadableId() {
    var bad = (JsonRpcCodec.Bad) decode("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"x\"}");
    assertThat(bad.error().code()).isEqualTo(JsonRpcError.INVALID_REQUEST);
    assertThat(bad.id().asInt()).isEqualTo(7);
    assertThat(
            ((JsonRpcCodec.Bad)
                    decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}"))
                .error()
                .code())
        .isEqualTo(JsonRpcError.INVALID_REQUEST);
    assertThat(
            ((JsonRpcCodec.Bad) decode("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}"))
                .error()
                .code())
        .isEqualTo(JsonRpcError.INVALID_REQUEST);
  }

  @Test
  void encodesErrorsWithNullIdWhenUnknown() {
    String json =
        new String(
            JsonRpcCodec.error(null, new JsonRpcError(-32700, "Parse error")),
            StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
  }
}
