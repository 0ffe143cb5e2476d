package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("warden.yaml"), yaml);
  }

  @Test
  void reportsCountsAndExitsZeroForValidConfig() throws IOException {
    Path file =
        write(
            """
            servers:
              - { id: a, transport: streamable-http, url: "http://a/" }
            personas:
              - id: p
              - id: q
            agents: []
            """);

    int exit = Main.run("check", "--config", file.toString());

    assertThat(exit).isZero();
    assertThat(stdout())
        .isEqualTo(file + ": ok (1 servers, 2 personas, 0 agents)" + System.lineSeparator());
    assertThat(stderr()).isEmpty();
  }

  @Test
  void reportsTransportsThisVersionCannotReach() throws IOException {
    Path file =
        write(
            """
            servers:
              - { id: api, transport: openapi, url: "http://a/" }
            """);

    int exit = Main.run("check", "--config", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("server 'api': transport openapi is not supported");
  }

  @Test
  void reportsDataProtectionTypesTheEngineDoesNotKnow() throws IOException {
    Path file =
        write(
            """
            servers: []
            data-protection:
              rules:
                - { id: typo, types: [CARD_VISSA], action: block }
            """);

    int exit = Main.run("check", "--config", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("data-protection rule 'typo': unknown type CARD_VISSA");
  }

  @Test
  void printsEveryProblemAndExitsOne() throws IOException {
    Path file =
        write("listen: nowhere\nservers:\n  - id: a\n    transport: stdio\n    command: ls -l\n");

    int exit = Main.run("check", "--config", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stdout()).isEmpty();
    assertThat(stderr().lines())
        .containsExactly(
            file + ":1: listen: expected HOST:PORT, got 'nowhere'",
            file
                + ":5: servers[0].command: must be an argument array like [node, a.js], never a"
                + " shell line");
  }

  @Test
  void exitsTwoWhenTheFileIsMissing() {
    Path missing = dir.resolve("absent.yaml");

    int exit = Main.run("check", "--config", missing.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(stderr())
        .isEqualTo(
            "warden check: cannot read " + missing + ": no such file" + System.lineSeparator());
  }

  @Test
  void exitsTwoWhenTheFileIsADirectory() {
    int exit = Main.run("check", "--config", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("cannot read " + dir + ": it is a directory");
  }

  @Test
  void neverPrintsAKeyWrittenAsALiteral() throws IOException {
    Path file =
        write(
            """
            servers: []
            personas: [{ id: p }]
            agents:
              - { id: bot, personas: [p], keys: [sk-live-do-not-print] }
            """);

    int exit = Main.run("check", "--config", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains(":4: agents[0].keys[0]: a literal is not allowed here");
    assertThat(stdout() + stderr()).doesNotContain("sk-live-do-not-print");
  }
}
