package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPeekTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void recognisesTheResponseToARequestByItsId() {
    JsonPeek p = JsonPeek.of("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[]}}");
    assertThat(p.isResponse()).isTrue();
    assertThat(p.answers(F.numberNode(7))).isTrue();
    assertThat(p.answers(F.numberNode(8))).isFalse();
    assertThat(p.answers(TextNode.valueOf("7"))).as("string id 7 is not number id 7").isFalse();
  }

  @Test
  void stringIdsMatchExactly() {
    JsonPeek p = JsonPeek.of("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-1},\"id\":\"a-1\"}");
    assertThat(p.answers(TextNode.valueOf("a-1"))).isTrue();
    assertThat(p.answers(TextNode.valueOf("a-2"))).isFalse();
    assertThat(p.answers(null)).isFalse();
  }

  @Test
  void tellsNotificationsFromServerRequests() {
    JsonPeek n = JsonPeek.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}");
    assertThat(n.isNotification()).isTrue();
    assertThat(n.isServerRequest()).isFalse();
    JsonPeek r = JsonPeek.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"roots/list\"}");
    assertThat(r.isServerRequest()).isTrue();
    assertThat(r.isNotification()).isFalse();
    assertThat(r.isResponse()).isFalse();
  }

  @Test
  void whatIsNotOneWellFormedObjectIsInvalid() {
    for (String bad :
        new String[] {
          "",
          "not json",
          "[1,2]",
          "\"text\"",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{",
          "{\"id\":1,\"result\":{}} {\"id\":2}",
          "{\"id\":1,\"result\":{\"a\":[1,}}"
        }) {
      JsonPeek p = JsonPeek.of(bad);
      assertThat(p.valid()).as(bad).isFalse();
      assertThat(p.isResponse() || p.isNotification() || p.isServerRequest()).as(bad).isFalse();
    }
  }

  @Test
  void anObjectWithoutResultOrErrorIsNotAResponse() {
    JsonPeek p = JsonPeek.of("{\"jsonrpc\":\"2.0\",\"id\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(p.valid()).isTrue();
    assertThat(p.answers(F.numberNode(1))).isFalse();
  }

  @Test
  void readsNamesAsJacksonDecodesThem() {
    JsonPeek p = JsonPeek.of("{\"\\u0069d\":\"x\",\"m\\u0065thod\":\"ping\"}");
    assertThat(p.isServerRequest()).isTrue();
    assertThat(p.method()).isEqualTo("ping");
    assertThat(p.id()).isEqualTo(TextNode.valueOf("x"));
  }

  @Test
  void aLargeAnswerIsCheckedToItsLastByte() {
    String text = "{\\\"ticket\\\":\\\"TCK-1\\\",\\\"note\\\":\\\"caf\u00e9\\\"} ".repeat(3000);
    String answer =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"";
    assertThat(JsonPeek.of(answer + text + "\"}]}}").answers(F.numberNode(3))).isTrue();
    for (String bad : new String[] {"\t", "\\x", "\"", "\\u12"}) {
      String broken = text.substring(0, 50_001) + bad + text.substring(50_001);
      assertThat(JsonPeek.of(answer + broken + "\"}]}}").valid()).as(bad).isFalse();
    }
  }
}
