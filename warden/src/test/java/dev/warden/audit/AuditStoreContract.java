package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.store.Database;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every audit store must do, run against each real database: group-committed writes form one
 * unforked chain, and every kind of tampering is found and named.
 */
abstract class AuditStoreContract {
  static final CheckpointSigner SIGNER = new CheckpointSigner("test-checkpoint-key");

  Database database;
  JdbcAuditSink sink;

  /** A fresh, empty database (its schema is migrated by the contract). */
  abstract Database freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = freshDatabase();
    database.migrate();
    sink = new JdbcAuditSink(database);
  }

  @AfterEach
  void close() {
    sink.close();
  }

  static AuditEntry entry(String agent, String tool, String decision) {
    return new AuditEntry(
        AuditEntry.DECISION,
        System.currentTimeMillis(),
        "id-" + agent + "-" + tool,
        agent,
        agent.equals("agent-0") ? "alice@example.com" : "",
        "triage",
        "tickets",
        "tools/call",
        tool,
        decision,
        decision.equals("denied") ? "persona:scope" : "",
        Map.of("email", 2),
        "",
        0,
        1234,
        99,
        0,
        "127.0.0.1");
  }

  /** Writes {@code n} records from 8 threads at once, checkpointing every 10. */
  List<AuditRecord> write(int n) throws Exception {
    AuditWriter writer = new AuditWriter(sink, Optional.of(SIGNER), 10);
    List<CompletableFuture<AuditRecord>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < n; i++) {
        String agent = "agent-" + (i % 3);
        String tool = "tickets__t" + i;
        String decision = i % 5 == 0 ? "denied" : "ok";
        futures.add(
            CompletableFuture.supplyAsync(() -> writer.submit(entry(agent, tool, decision)), pool)
                .thenCompose(f -> f));
      }
      List<AuditRecord> out = new ArrayList<>();
      for (CompletableFuture<AuditRecord> f : futures) {
        out.add(f.get());
      }
      writer.close();
      return out;
    }
  }

  ChainVerifier.Verdict verify() throws Exception {
    return new ChainVerifier(new JdbcAuditSink(database), Optional.of(SIGNER)).verify();
  }

  void sql(String statement) throws Exception {
    try (Connection c = database.open();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void concurrentWritesFormOneIntactChain() throws Exception {
    List<AuditRecord> acked = write(200);
    assertThat(acked).extracting(AuditRecord::seq).doesNotHaveDuplicates();
    assertThat(sink.read(0, 1000)).hasSize(200);
    assertThat(verify()).isEqualTo(new ChainVerifier.Verdict(true, 200, -1, ""));
    assertThat(sink.checkpoints())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(SIGNER.verify(c)).isTrue());
  }

  @Test
  void namesAnEditedRecord() throws Exception {
    write(50);
    sql("UPDATE audit_record SET rule = 'nothing to see' WHERE seq = 17");
    ChainVerifier.Verdict v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(17);
    assertThat(v.problem()).contains("edited");
  }

  @Test
  void namesTheRecordAfterADeletedOne() throws Exception {
    write(50);
    sql("DELETE FROM audit_record WHERE seq = 23");
    ChainVerifier.Verdict v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(24);
    assertThat(v.problem()).contains("deleted");
  }

  @Test
  void findsAnEditWhoseHashWasRecomputed() throws Exception {
    write(30);
    AuditRecord r = sink.read(11, 1).getFirst();
    AuditEntry e = r.entry();
    AuditEntry forged =
        new AuditEntry(
            e.kind(),
            e.timeMillis(),
            e.requestId(),
            "someone-else",
            e.user(),
            e.persona(),
            e.server(),
            e.method(),
            e.target(),
            e.decision(),
            e.rule(),
            e.findings(),
            e.upstreamError(),
            e.httpStatus(),
            e.latencyMicros(),
            e.bytesIn(),
            e.bytesOut(),
            e.clientAddress());
    String hash = CanonicalForm.hash(12, forged, r.prevHash());
    sql("UPDATE audit_record SET agent = 'someone-else', hash = '" + hash + "' WHERE seq = 12");
    ChainVerifier.Verdict v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(13);
  }

  @Test
  void namesReorderedRecords() throws Exception {
    write(40);
    // Swap the content (and hashes) of records 8 and 9, keeping the sequence numbers.
    sql("UPDATE audit_record SET seq = -8 WHERE seq = 8");
    sql("UPDATE audit_record SET seq = 8 WHERE seq = 9");
    sql("UPDATE audit_record SET seq = 9 WHERE seq = -8");
    ChainVerifier.Verdict v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(8);
  }

  @Test
  void detectsACutOffTailThroughItsCheckpoint() throws Exception {
    write(45);
    sql("DELETE FROM audit_record WHERE seq > 25");
    ChainVerifier.Verdict v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBad()).isEqualTo(26);
    assertThat(v.problem()).contains("tail was cut off");
  }

  @Test
  void refusesAForgedCheckpoint() throws Exception {
    write(20);
    sql("UPDATE audit_checkpoint SET seq = 15 WHERE seq = 20");
    assertThat(verify().problem()).contains("bad signature");
  }

  @Test
  void prunedTrailContinuesFromItsCheckpoint() throws Exception {
    write(12);
    write(20);
    long anchor = sink.checkpoints().getFirst().seq();
    sink.prune(anchor);
    assertThat(sink.read(0, 1).getFirst().seq()).isEqualTo(anchor + 1);
    assertThat(verify().intact()).isTrue();
    sql("DELETE FROM audit_checkpoint WHERE seq = " + anchor);
    assertThat(verify().problem()).contains("no checkpoint at " + anchor);
  }

  @Test
  void retentionPrunesWholeSegmentsAndKeepsTheChainVerifiable() throws Exception {
    for (int i = 0; i < 6; i++) {
      write(10); // each run closes with a checkpoint: 10, 20, … 60
    }
    var through = new AuditRetention(Optional.empty(), 25).apply(sink, java.time.Instant.now());
    assertThat(through).hasValue(40);
    assertThat(sink.read(0, 1).getFirst().seq()).isEqualTo(41);
    assertThat(verify()).isEqualTo(new ChainVerifier.Verdict(true, 20, -1, ""));
    var byAge =
        new AuditRetention(Optional.of(java.time.Duration.ofDays(1)), 0)
            .apply(sink, java.time.Instant.now().plus(java.time.Duration.ofDays(2)));
    assertThat(byAge).hasValue(60);
    write(5);
    assertThat(verify()).isEqualTo(new ChainVerifier.Verdict(true, 5, -1, ""));
  }

  @Test
  void writerResumesTheChainAfterARestart() throws Exception {
    write(15);
    write(15);
    assertThat(verify()).isEqualTo(new ChainVerifier.Verdict(true, 30, -1, ""));
  }

  @Test
  void queriesFilterAndPage() throws Exception {
    write(60);
    AuditQuery denied =
        new AuditQuery(
            Optional.of("agent-0"),
            Optional.empty(),
            Optional.of("triage"),
            Optional.empty(),
            Optional.of("denied"),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            3);
    List<AuditRecord> first = sink.query(denied);
    assertThat(first)
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.entry().agent()).isEqualTo("agent-0"))
        .allSatisfy(r -> assertThat(r.entry().decision()).isEqualTo("denied"));
    assertThat(first)
        .extracting(AuditRecord::seq)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    List<AuditRecord> second =
        sink.query(
            new AuditQuery(
                denied.agent(),
                denied.user(),
                denied.persona(),
                denied.tool(),
                denied.decision(),
                denied.fromMillis(),
                denied.toMillis(),
                java.util.OptionalLong.of(first.getLast().seq()),
                3));
    assertThat(second).isNotEmpty();
    assertThat(second.getFirst().seq()).isLessThan(first.getLast().seq());
  }

  @Test
  void queriesFilterByEndUser() throws Exception {
    write(30);
    AuditQuery alice =
        new AuditQuery(
            Optional.empty(),
            Optional.of("alice@example.com"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            100);
    assertThat(sink.query(alice))
        .hasSize(10)
        .allSatisfy(r -> assertThat(r.entry().user()).isEqualTo("alice@example.com"))
        .allSatisfy(r -> assertThat(r.entry().agent()).isEqualTo("agent-0"));
    AuditQuery nobody =
        new AuditQuery(
            Optional.empty(),
            Optional.of("bob@example.com"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            100);
    assertThat(sink.query(nobody)).isEmpty();
    assertThat(verify().intact()).isTrue();
  }
}
