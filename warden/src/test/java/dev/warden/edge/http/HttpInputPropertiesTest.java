package dev.warden.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** However a request is cut into reads and chunks, the server sees the same head and body. */
class HttpInputPropertiesTest {

  @Property(tries = 300)
  void chunkedBodiesDecodeToWhatWasSentWhateverTheSplits(
      @ForAll @StringLength(max = 3000) String text,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 700) Integer> chunkSizes,
      @ForAll @IntRange(min = 1, max = 97) int readSize)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(
        "POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    int off = 0;
    for (int i = 0; off < body.length; i++) {
      int n = Math.min(chunkSizes.get(i % chunkSizes.size()), body.length - off);
      wire.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      wire.write(body, off, n);
      wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      off += n;
    }
    wire.writeBytes("0\r\n\r\nGET /next HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    HttpInput in = new HttpInput(new Trickle(wire.toByteArray(), readSize), 4096);
    RequestHead head = RequestHead.read(in);
    assertThat(head.method).isEqualTo("POST");
    assertThat(head.field("transfer-encoding")).isEqualTo("chunked");
    InputStream decoded = in.chunked();
    assertThat(decoded.readAllBytes()).isEqualTo(body);
    assertThat(HttpInput.finished(decoded)).isTrue();
    assertThat(RequestHead.read(in).path).isEqualTo("/next"); // nothing of the body left over
  }

  @Property(tries = 200)
  void headerValuesArriveTrimmedAndWhole(
      @ForAll @StringLength(min = 1, max = 200) String raw,
      @ForAll @IntRange(min = 1, max = 13) int readSize)
      throws IOException {
    String value =
        raw.chars()
            .filter(c -> c > ' ' && c < 0x7f)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    String wire = "GET /x HTTP/1.1\r\nX-Value:  " + value + " \t\r\nHost: h\r\n\r\n";
    HttpInput in =
        new HttpInput(new Trickle(wire.getBytes(StandardCharsets.ISO_8859_1), readSize), 4096);
    RequestHead head = RequestHead.read(in);
    assertThat(head.field("x-value")).isEqualTo(value);
    assertThat(head.field("host")).isEqualTo("h");
  }

  /** Returns at most {@code step} bytes per read, as a slow network would. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream in;
    private final int step;

    Trickle(byte[] bytes, int step) {
      this.in = new ByteArrayInputStream(bytes);
      this.step = step;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, step));
    }
  }
}
