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

  @Test
  void addsTheCustomDetectorsOfAConfiguration() throws Exception {
    Path config = dir.resolve("warden.yaml");
    Files.writeString(
        config,
        """
        servers: []
        detectors:
          - id: acme-employee-id
            kind: regex
            pattern: "EMP-[0-9]{6}"
            context: [employee]
            confidence: high
            frameworks: [GDPR]
          - id: project-names
            kind: dictionary
            words: [bluebird]
        """);
    Path file = dir.resolve("payload.json");
    Files.writeString(
        file,
        "{\"other\": \"EMP-654321\", \"note\": \"nothing to see here\", "
            + "\"employee\": \"EMP-123456\", \"p\": \"BlueBird\"}");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("scan", "--config", config.toString(), file.toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "{\"type\":\"acme-employee-id\",\"start\":68,\"end\":78,\"confidence\":\"HIGH\","
                + "\"frameworks\":[\"GDPR\"]}",
            "{\"type\":\"project-names\",\"start\":87,\"end\":95,\"confidence\":\"MEDIUM\","
                + "\"frameworks\":[]}");
  }

  @Test
  void exitsOneOnAnInvalidConfiguration() throws Exception {
    Path config = dir.resolve("warden.yaml");
    Files.writeString(config, "servers: []\ndetectors:\n  - id: x\n    kind: regex\n");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("scan", "-c", config.toString(), config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("detectors[0].pattern: is required");
  }
}
