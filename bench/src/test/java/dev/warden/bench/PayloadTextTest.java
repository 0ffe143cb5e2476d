package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTextTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void isExactlyTheRequestedSizeAndValidJson() throws Exception {
    for (int size : new int[] {64, 100, 1024, 4097, 65536}) {
      String text = PayloadText.of(size);
      assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(size);
      assertThat(MAPPER.readTree(text).isArray()).isTrue();
    }
  }

  @Test
  void isTheSameInEveryProcess() {
    assertThat(PayloadText.of(1024)).isEqualTo(PayloadText.of(1024));
  }

  @Test
  void parsesSizeLabels() {
    assertThat(PayloadText.parseSize("1k")).isEqualTo(1024);
    assertThat(PayloadText.parseSize("64K")).isEqualTo(65536);
    assertThat(PayloadText.parseSize("1m")).isEqualTo(1 << 20);
    assertThat(PayloadText.parseSize("512")).isEqualTo(512);
    assertThat(PayloadText.toolName("64k")).isEqualTo("payload_64k");
    assertThatThrownBy(() -> PayloadText.parseSize("lots"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toolReplyIsTheCallToolResultWithTheIdSpliced() throws Exception {
    ToolReply reply = new ToolReply(PayloadText.of(1024));
    byte[] id = "\"req-7\"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = reply.bytes(id);
    JsonNode json = MAPPER.readTree(bytes);
    assertThat(json.path("id").asText()).isEqualTo("req-7");
    assertThat(json.path("result").path("isError").asBoolean(true)).isFalse();
    assertThat(json.path("result").path("content").path(0).path("text").asText())
        .hasSize(1024)
        .isEqualTo(PayloadText.of(1024));
    assertThat(reply.matches(bytes, bytes.length, id)).isTrue();
    assertThat(reply.matches(bytes, bytes.length, "\"req-8\"".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }
}
