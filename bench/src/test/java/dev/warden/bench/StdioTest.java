package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** FastUpstream's stdio transport, in memory and as a real process driven by the stdio driver. */
class StdioTest {
  @Test
  void answersEachRequestLineInOrderAndNotificationsNot() throws Exception {
    String in =
        "{\"jsonrpc\":\"2.0\",\"id\":\"i\",\"method\":\"initialize\",\"params\":{}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\r\n"
            + "\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"payload_1k\",\"arguments\":{}}}\n"
            + "not json\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StdioServer(new McpAnswers(List.of("1k")))
        .serve(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3); // the last line has no newline and is never complete
    assertThat(lines.get(0))
        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"i\",\"result\":")
        .contains("\"protocolVersion\":\"2025-11-25\"");
    assertThat(lines.get(1))
        .isEqualTo(new String(new ToolReply(PayloadText.of(1024)).bytes("7".getBytes())));
    assertThat(lines.get(2)).contains("-32700");
  }

  @Test
  void readsLinesAcrossBufferRefills() throws Exception {
    String big = "x".repeat(300_000);
    String in = "a\r\n" + big + "\nb";
    LineReader r = new LineReader(new ByteArrayInputStream(in.getBytes(StandardCharsets.US_ASCII)));
    assertThat(text(r.next())).isEqualTo("a");
    assertThat(text(r.next())).isEqualTo(big);
    assertThat(r.next()).isNull();
  }

  @Test
  @Timeout(30)
  void theDriverLoadsARealStdioUpstreamAndChecksEveryReply(@TempDir Path dir) throws Exception {
    BenchOptions options = BenchOptions.parse("--payloads", "1k", "--transport", "stdio");
    Launcher launcher = new Launcher(options, dir);
    List<String> command = launcher.stdioCommand();
    assertThat(command).contains("--stdio", FastUpstream.class.getName());
    try (StdioDriver driver = StdioDriver.start(command, dir.resolve("stdio.log"))) {
      Measurement m =
          driver.run(
              "1k",
              4,
              Duration.ofMillis(200),
              Duration.ofMillis(300),
              Map.of("upstream", driver.pid()));
      assertThat(m.calls()).isPositive();
      assertThat(m.concurrency()).isEqualTo(4);
      assertThat(m.cpuMicrosPerCall("upstream")).isPositive();
    }
    assertThat(Files.readString(dir.resolve("stdio.log"))).doesNotContain("Exception");
  }

  private static String text(LineReader.Line l) {
    return new String(l.buf(), l.offset(), l.length(), StandardCharsets.US_ASCII);
  }
}
