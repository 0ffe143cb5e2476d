package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal in front of the audit store: what a killed gateway acknowledged is stored later. */
class AuditJournalTest {
  private static final CheckpointSigner SIGNER = new CheckpointSigner("journal-test-key");

  @TempDir Path dir;
  private Database database;
  private Path journalDir;

  @BeforeEach
  void open() {
    database = Database.of("sqlite:data/warden.db", dir, Database.Sync.NORMAL);
    database.migrate();
    journalDir = dir.resolve("data/warden.db-audit-journal");
  }

  static AuditEntry entry(String requestId, String kind) {
    return new AuditEntry(
        kind,
        1_700_000_000_000L,
        requestId,
        "triage-bot",
        "",
        "support-triage",
        "tickets",
        "tools/call",
        "tickets__get_ticket",
        "allowed",
        "",
        Map.of("EMAIL", 2),
        "",
        kind.equals(AuditEntry.COMPLETION) ? 200 : 0,
        1234,
        99,
        512,
        "127.0.0.1");
  }

  @Test
  void framesComeBackInOrderAndATornTailIsIgnored() throws Exception {
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      for (int i = 0; i < 5; i++) {
        journal.append(entry("r" + i, AuditEntry.DECISION), segment -> {});
      }
    }
    Path segment = segments().getFirst();
    // The process died inside a write: half a frame header and no body.
    Files.write(segment, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);

    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      assertThat(journal.entries())
          .extracting(AuditEntry::requestId)
          .containsExactly("r0", "r1", "r2", "r3", "r4");
      assertThat(journal.entries().getFirst()).isEqualTo(entry("r0", AuditEntry.DECISION));
    }
  }

  @Test
  void aSecondProcessCannotTakeTheJournal() throws Exception {
    try (AuditJournal first = AuditJournal.open(journalDir)) {
      assertThat(first).isNotNull();
      assertThatThrownBy(() -> AuditJournal.open(journalDir))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another Warden process");
    }
    try (AuditJournal again = AuditJournal.open(journalDir)) {
      assertThat(again.entries()).isEmpty(); // released on close
    }
  }

  @Test
  void aWriterStoresWhatTheJournalHoldsAndTheTrailLacksOnce() throws Exception {
    JdbcAuditSink sink = new JdbcAuditSink(database);
    // r0 and r1 were committed before the kill; r2..r4 only journaled.
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      AuditWriter writer = new AuditWriter(sink, Optional.of(SIGNER), 1000, journal);
      writer.submit(entry("r0", AuditEntry.DECISION)).get();
      writer.submit(entry("r1", AuditEntry.DECISION)).get();
      writer.closeKeepingSink();
    }
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      for (int i = 0; i < 5; i++) {
        journal.append(entry("r" + i, AuditEntry.DECISION), segment -> {});
      }
    }

    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      new AuditWriter(sink, Optional.of(SIGNER), 1000, journal).closeKeepingSink();
    }

    List<AuditRecord> records = sink.read(0, 100);
    assertThat(records)
        .extracting(r -> r.entry().requestId())
        .containsExactly("r0", "r1", "r2", "r3", "r4");
    assertThat(segments()).isEmpty();
    assertThat(new ChainVerifier(sink, Optional.of(SIGNER)).verify().intact()).isTrue();
    sink.close();
  }

  @Test
  void aDecisionAndItsCompletionStoredTogetherBecomeOneRecord() throws Exception {
    JdbcAuditSink sink = new JdbcAuditSink(database);
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      journal.append(entry("c1", AuditEntry.DECISION), segment -> {});
      journal.append(entry("c2", AuditEntry.DECISION), segment -> {});
      journal.append(entry("c1", AuditEntry.COMPLETION), segment -> {});
    }
    // Recovery stores them as one batch: c1 folds into one call record, c2 stays a decision.
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      new AuditWriter(sink, Optional.of(SIGNER), 1000, journal).closeKeepingSink();
    }
    List<AuditRecord> records = sink.read(0, 10);
    assertThat(records)
        .extracting(r -> r.entry().requestId() + "/" + r.entry().kind())
        .containsExactly("c1/call", "c2/decision");
    assertThat(records.getFirst().entry().bytesOut()).isEqualTo(512);
    assertThat(records.getFirst().entry().httpStatus()).isEqualTo(200);

    // Replayed again (a crash right after that commit), nothing is stored twice.
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      journal.append(entry("c1", AuditEntry.DECISION), segment -> {});
      journal.append(entry("c1", AuditEntry.COMPLETION), segment -> {});
    }
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      new AuditWriter(sink, Optional.of(SIGNER), 1000, journal).closeKeepingSink();
    }
    assertThat(sink.read(0, 10)).hasSize(2);
    assertThat(new ChainVerifier(sink, Optional.of(SIGNER)).verify().intact()).isTrue();
    sink.close();
  }

  @Test
  void recordedEntriesReachTheTrailAndTheJournalEmpties() throws Exception {
    JdbcAuditSink sink = new JdbcAuditSink(database);
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      AuditWriter writer = new AuditWriter(sink, Optional.of(SIGNER), 1000, journal);
      for (int i = 0; i < 300; i++) {
        writer.record(entry("q" + i, AuditEntry.DECISION));
        writer.record(entry("q" + i, AuditEntry.COMPLETION));
      }
      writer.closeKeepingSink();
    }
    // Each call is one record or two, depending on whether its halves met in one batch.
    List<AuditRecord> stored = sink.read(0, 1000);
    assertThat(stored).hasSizeBetween(300, 600);
    assertThat(stored.stream().filter(r -> r.entry().completed()).count()).isEqualTo(300);
    assertThat(segments()).isEmpty();
    sink.close();
  }

  @Test
  void openingTheTrailReplaysAJournalLeftBehind() throws Exception {
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      journal.append(entry("left", AuditEntry.DECISION), segment -> {});
    }
    var config =
        new dev.warden.config.WardenConfig(
            dir.resolve("warden.yaml"),
            dev.warden.config.WardenConfig.DEFAULT_LISTEN,
            new dev.warden.config.AdminConfig(
                dev.warden.config.AdminConfig.DEFAULT_LISTEN, List.of()),
            "sqlite:data/warden.db",
            dev.warden.config.AuditConfig.DEFAULTS,
            dev.warden.config.Limits.DEFAULTS,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            dev.warden.config.DataProtectionConfig.DEFAULT);

    try (AuditTrail trail = AuditTrail.open(config)) {
      assertThat(trail.sink().read(0, 10))
          .extracting(r -> r.entry().requestId())
          .containsExactly("left");
    }
    assertThat(segments()).isEmpty();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(journalDir)) {
      return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
    }
  }
}
