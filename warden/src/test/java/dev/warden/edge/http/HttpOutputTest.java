package dev.warden.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpOutputTest {
  /** Remembers the size of each write the output makes, and what it wrote. */
  private static final class Recording extends OutputStream {
    final List<Integer> writes = new ArrayList<>();
    final List<byte[]> arrays = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      writes.add(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes.add(len);
      arrays.add(b);
      bytes.write(b, off, len);
    }
  }

  private static byte[] body(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  @Test
  void aHeadAndALargeBodyLeaveInOneWrite() throws IOException {
    Recording socket = new Recording();
    HttpOutput out = new HttpOutput(socket, 16 * 1024);
    byte[] body = body(64 * 1024);

    out.ascii("HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n");
    out.writeAndFlush(body);

    byte[] head =
        "HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(socket.writes).containsExactly(head.length + body.length);
    byte[] sent = socket.bytes.toByteArray();
    assertThat(new String(sent, 0, head.length, StandardCharsets.US_ASCII))
        .isEqualTo(new String(head, StandardCharsets.US_ASCII));
    assertThat(java.util.Arrays.copyOfRange(sent, head.length, sent.length)).isEqualTo(body);
  }

  @Test
  void aSmallAnswerIsOneWriteAndAHugeOneIsNotCopiedWhole() throws IOException {
    Recording small = new Recording();
    HttpOutput out = new HttpOutput(small, 16 * 1024);
    out.ascii("HEAD\r\n");
    out.writeAndFlush(body(100));
    assertThat(small.writes).containsExactly(106);

    Recording huge = new Recording();
    out = new HttpOutput(huge, 16 * 1024);
    out.ascii("HEAD\r\n");
    byte[] big = body(HttpOutput.MAX_JOINED + 1);
    out.writeAndFlush(big);
    assertThat(huge.writes).hasSizeGreaterThan(1);
    assertThat(huge.writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6 + big.length);
  }

  @Test
  void aHeadThatFitsInFrontOfTheBodyIsWrittenThereAndTheBodyIsNotCopied() throws IOException {
    Framed f = sendFramed(64 * 1024, 1024);
    assertThat(f.socket.arrays.getFirst()).isSameAs(f.framed); // no joined copy
  }

  @Test
  void aHeadLargerThanTheRoomInFrontIsJoinedByCopying() throws IOException {
    Framed f = sendFramed(32 * 1024, 8);
    assertThat(f.socket.arrays.getFirst()).isNotSameAs(f.framed);
    assertThat(java.util.Arrays.copyOfRange(f.framed, 0, 8)).containsOnly(0); // room left alone
  }

  private record Framed(Recording socket, byte[] framed) {}

  /** Sends a head and a body of {@code size} that sits behind {@code room} bytes; checks both. */
  private static Framed sendFramed(int size, int room) throws IOException {
    Recording socket = new Recording();
    HttpOutput out = new HttpOutput(socket, 16 * 1024);
    byte[] body = body(size);
    byte[] framed = new byte[room + body.length];
    System.arraycopy(body, 0, framed, room, body.length);
    String head = "HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n";

    out.ascii(head);
    out.writeAndFlush(framed, room, body.length);

    assertThat(socket.writes).containsExactly(head.length() + body.length);
    byte[] sent = socket.bytes.toByteArray();
    assertThat(new String(sent, 0, head.length(), StandardCharsets.US_ASCII)).isEqualTo(head);
    assertThat(java.util.Arrays.copyOfRange(sent, head.length(), sent.length)).isEqualTo(body);
    return new Framed(socket, framed);
  }
}
