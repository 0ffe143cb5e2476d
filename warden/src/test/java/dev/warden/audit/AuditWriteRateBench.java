package dev.warden.audit;

import dev.warden.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Sustained audit write rate as requests see it: 256 virtual threads each submit a record and wait
 * for its commit, for 5 s per sync mode; then, as with {@code sync: normal}, 4 threads journal
 * records without waiting while the writer stores them, for 5 s, and the rate the database kept up
 * with is reported. Not part of the build; run with {@code ./mvnw -pl warden test
 * -Dtest=AuditWriteRateBench}.
 */
class AuditWriteRateBench {
  @Test
  void sustainedWriteRate() throws Exception {
    for (Database.Sync sync : Database.Sync.values()) {
      Path dir = Files.createTempDirectory("audit-bench");
      Database db = Database.of("sqlite:warden.db", dir, sync);
      db.migrate();
      AuditWriter writer =
          new AuditWriter(
              new JdbcAuditSink(db), Optional.of(new CheckpointSigner("bench-key")), 1000);
      AtomicBoolean go = new AtomicBoolean(true);
      AtomicLong done = new AtomicLong();
      AuditEntry e =
          new AuditEntry(
              AuditEntry.DECISION,
              System.currentTimeMillis(),
              "0194f5c3a1b2c3d4e5f60718",
              "bot",
              "",
              "triage",
              "tickets",
              "tools/call",
              "tickets__get_ticket",
              "ok",
              "",
              Map.of(),
              "",
              0,
              812,
              143,
              0,
              "127.0.0.1");
      long start;
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        start = System.nanoTime();
        for (int t = 0; t < 256; t++) {
          pool.submit(
              () -> {
                while (go.get()) {
                  writer.submit(e).join();
                  done.incrementAndGet();
                }
              });
        }
        Thread.sleep(5000);
        go.set(false);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      writer.close();
      System.out.printf(
          "audit write rate (sqlite, sync=%s): %.0f records/s (%d in %.1f s)%n",
          sync, done.get() / seconds, done.get(), seconds);
    }
    journaledRate();
  }

  private static void journaledRate() throws Exception {
    Path dir = Files.createTempDirectory("audit-bench");
    Database db = Database.of("sqlite:warden.db", dir, Database.Sync.NORMAL);
    db.migrate();
    JdbcAuditSink sink = new JdbcAuditSink(db);
    AuditWriter writer =
        new AuditWriter(
            sink,
            Optional.of(new CheckpointSigner("bench-key")),
            1000,
            AuditJournal.open(dir.resolve("journal")));
    AtomicBoolean go = new AtomicBoolean(true);
    AtomicLong journaled = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        pool.submit(
            () -> {
              long n = 0;
              while (go.get()) {
                writer.record(entry("r" + Thread.currentThread().threadId() + "-" + n++));
                journaled.incrementAndGet();
                if (journaled.get() - writer.written() > 50_000) {
                  Thread.onSpinWait(); // keep the backlog bounded: measure the store's pace
                }
              }
              return null;
            });
      }
      Thread.sleep(5000);
      go.set(false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long stored = writer.written();
    writer.close();
    System.out.printf(
        "audit write rate (sqlite, journaled): %.0f records/s stored (%d journaled) in %.1f s%n",
        stored / seconds, journaled.get(), seconds);
  }

  private static AuditEntry entry(String id) {
    return new AuditEntry(
        AuditEntry.DECISION,
        System.currentTimeMillis(),
        id,
        "bot",
        "",
        "triage",
        "tickets",
        "tools/call",
        "tickets__get_ticket",
        "ok",
        "",
        Map.of(),
        "",
        0,
        812,
        143,
        0,
        "127.0.0.1");
  }
}
