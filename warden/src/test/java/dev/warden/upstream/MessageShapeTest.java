package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageShapeTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void swapsOnlyTheTopLevelIdAndKeepsTheRestByteForByte() {
    byte[] m = b("{\"jsonrpc\":\"2.0\",\"result\":{\"id\":\"inner\"},\"id\":\"warden-7\"}");
    MessageShape shape = MessageShape.of(m);
    assertThat(shape.isResponse()).isTrue();
    assertThat(shape.idText()).isEqualTo("warden-7");
    assertThat(new String(shape.withId(m, b("42")), StandardCharsets.UTF_8))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"id\":\"inner\"},\"id\":42}");
  }

  @Test
  void readsEscapedStringAndNumberIds() {
    byte[] m = b("{ \"id\" : \"a\\\"b\", \"method\":\"x\"}");
    MessageShape shape = MessageShape.of(m);
    assertThat(shape.isServerRequest()).isTrue();
    assertThat(new String(shape.idBytes(m), StandardCharsets.UTF_8)).isEqualTo("\"a\\\"b\"");
    byte[] n = b("{\"id\":-12,\"method\":\"tools/call\"}");
    assertThat(new String(MessageShape.of(n).idBytes(n), StandardCharsets.UTF_8)).isEqualTo("-12");
  }

  @Test
  void tellsNotificationsAndRefusesWhatIsNotAnObject() {
    assertThat(MessageShape.of(b("{\"method\":\"notifications/x\"}")).isNotification()).isTrue();
    assertThat(MessageShape.of(b("[1,2]"))).isNull();
    assertThat(MessageShape.of(b("{\"id\":"))).isNull();
  }

  @Test
  void decodesEscapedNamesAndRefusesAMessageBrokenAnywhere() {
    byte[] m = b("{\"\\u0069d\":5,\"r\\u0065sult\":{}}");
    MessageShape shape = MessageShape.of(m);
    assertThat(shape.isResponse()).isTrue();
    assertThat(shape.idText()).isEqualTo("5");
    String text = "{\\\"ticket\\\":\\\"TCK-1\\\"} ".repeat(2000);
    assertThat(MessageShape.of(b("{\"id\":1,\"result\":{\"text\":\"" + text + "\"}}"))).isNotNull();
    String broken = text.substring(0, 30_000) + "\u0001" + text.substring(30_000);
    assertThat(MessageShape.of(b("{\"id\":1,\"result\":{\"text\":\"" + broken + "\"}}"))).isNull();
    assertThat(MessageShape.of(b("{\"id\":1,\"result\":{}} trailing"))).isNull();
  }
}
