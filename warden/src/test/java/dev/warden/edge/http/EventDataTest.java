package dev.warden.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventDataTest {
  private static String event(String data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = ("xx" + data + "yy").getBytes(StandardCharsets.UTF_8);
    long n = EventData.write(out, b, 2, b.length - 4);
    assertThat(n).isEqualTo(out.size());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineIsOneDataField() throws IOException {
    assertThat(event("{\"a\":1}")).isEqualTo("data: {\"a\":1}\n\n");
  }

  @Test
  void everyKindOfLineEndStartsAField() throws IOException {
    assertThat(event("a\nb\r\nc\rd")).isEqualTo("data: a\ndata: b\ndata: c\ndata: d\n\n");
  }

  @Test
  void emptyDataIsOneEmptyField() throws IOException {
    assertThat(event("")).isEqualTo("data: \n\n");
  }
}
