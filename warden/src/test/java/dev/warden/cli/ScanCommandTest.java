package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
  @TempDir Path dir;

  @Test
  void printsOneJsonLinePerFindingAndExitsZero() throws Exception {
    Path file = dir.resolve("payload.json");
    Files.writeString(file, "{\"card\": \"4111 1111 1111 1111\", \"note\": \"hello\"}");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("scan", file.toString())).isZero();
    assertThat(out.toString().trim())
        .isEqualTo(
            "{\"type\":\"CARD_VISA\",\"start\":10,\"end\":29,\"confidence\":\"HIGH\","
                + "\"frameworks\":[\"GDPR\",\"PCI-DSS\",\"SOC2\"]}");
  }

  @Test
  void exitsTwoOnAnUnreadableFile() {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("scan", dir.resolve("missing.json").toString())).isEqualTo(2);
  }
}
