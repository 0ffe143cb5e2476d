package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static List<SseEvent> read(InputStream in) throws IOException {
    SseReader reader = new SseReader(in, 1 << 20);
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent e = reader.next(); e != null; e = reader.next()) {
      out.add(e);
    }
    return out;
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEventsWithIdsTypesAndMultiLineData() throws IOException {
    List<SseEvent> events =
        read(
            bytes(": comment\n\nid: 1\nevent: message\ndata: {\"a\":\ndata: 1}\n\ndata:x\r\n\r\n"));
    assertThat(events)
        .containsExactly(
            new SseEvent("message", "1", "{\"a\":\n1}"), new SseEvent(null, null, "x"));
  }

  @Test
  void eventSplitAcrossReadsIsReassembled() throws IOException {
    byte[] all = "data: héllo\n\ndata: second\n\n".getBytes(StandardCharsets.UTF_8);
    // One byte per read, so every boundary (even inside a UTF-8 character) is exercised.
    InputStream trickle =
        new InputStream() {
          int i;

          @Override
          public int read() {
            return i < all.length ? all[i++] & 0xff : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (i >= all.length) {
              return -1;
            }
            b[off] = all[i++];
            return 1;
          }
        };
    assertThat(read(trickle)).extracting(SseEvent::data).containsExactly("héllo", "second");
  }

  @Test
  void lastEventWithoutBlankLineIsStillDelivered() throws IOException {
    assertThat(read(bytes("data: tail"))).extracting(SseEvent::data).containsExactly("tail");
  }

  @Test
  void oversizedEventFailsInsteadOfExhaustingMemory() {
    SseReader reader = new SseReader(bytes("data: " + "x".repeat(5000) + "\n\n"), 1000);
    assertThatThrownBy(reader::next).isInstanceOf(IOException.class);
  }
}
