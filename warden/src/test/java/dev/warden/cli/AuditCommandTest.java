package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.audit.AuditEntry;
import dev.warden.audit.AuditTrail;
import dev.warden.audit.AuditWriter;
import dev.warden.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code warden audit verify|tail|export} against a real SQLite trail, gateway stopped. */
class AuditCommandTest {
  @TempDir Path dir;
  Path config;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTrail() throws Exception {
    Files.writeString(dir.resolve("cp.key"), "cli-test-key");
    config = dir.resolve("warden.yaml");
    // Agent keys from an unset variable: the audit commands must not need them.
    Files.writeString(
        config,
        """
        storage: sqlite:data/warden.db
        audit:
          checkpoint-key: "${file:cp.key}"
          checkpoint-every: 5
        servers: []
        agents:
          - id: bot
            personas: []
            keys: ["${env:WARDEN_TEST_UNSET_KEY}"]
        """);
    try (AuditTrail trail = AuditTrail.open(ConfigLoader.loadStorage(config))) {
      AuditWriter writer = trail.writer();
      for (int i = 0; i < 12; i++) {
        writer
            .submit(
                new AuditEntry(
                    AuditEntry.DECISION,
                    1_760_000_000_000L + i,
                    "req" + i,
                    "bot",
                    "",
                    "triage",
                    "tickets",
                    "tools/call",
                    "tickets__get_ticket",
                    "ok",
                    "",
                    Map.of("email", 1),
                    "",
                    0,
                    5,
                    10,
                    0,
                    "127.0.0.1"))
            .join();
      }
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private void sql(String statement) throws Exception {
    try (AuditTrail trail = AuditTrail.open(ConfigLoader.loadStorage(config));
        Connection c = trail.database().open();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void verifyExitsZeroOnAnIntactTrail() {
    assertThat(run("audit", "verify", "--config", config.toString())).isZero();
    assertThat(out.toString()).contains("intact: 12 records, checkpoints signed");
  }

  @Test
  void verifyNamesTheFirstEditedRecord() throws Exception {
    sql("UPDATE audit_record SET decision = 'denied' WHERE seq = 7");
    assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("broken at record 7").contains("edited");
  }

  @Test
  void verifyFindsACutOffTail() throws Exception {
    sql("DELETE FROM audit_record WHERE seq > 8");
    assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("tail was cut off");
  }

  @Test
  void exportWritesOneJsonLinePerRecord() {
    assertThat(run("audit", "export", "--format", "jsonl", "--config", config.toString())).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(12);
    assertThat(lines[0]).startsWith("{\"seq\":1,").contains("\"findings\":{\"email\":1}");
  }

  @Test
  void tailShowsTheLatestRecords() {
    assertThat(run("audit", "tail", "-n", "3", "--config", config.toString())).isZero();
    assertThat(out.toString().strip().split("\n")).hasSize(3);
    assertThat(out.toString()).startsWith("10 ");
  }
}
