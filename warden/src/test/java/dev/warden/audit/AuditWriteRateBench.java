package dev.warden.audit;

import dev.warden.store.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
    if (!Boolean.getBoolean("audit.bench.journaledOnly")) {
      awaitedRates();
    }
    journaledRate(false);
    journaledRate(true);
  }

  private static void awaitedRates() throws Exception {
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
  }

  /**
   * {@code calls}: each call journals its decision and then its completion (folded into one record
   * when they meet in a batch), as the gateway does; otherwise decisions only.
   */
  private static void journaledRate(boolean calls) throws Exception {
    Path dir = Files.createTempDirectory("audit-bench");
    Database db = Database.of("sqlite:warden.db", dir, Database.Sync.NORMAL);
    db.migrate();
    AuditWriter writer =
        new AuditWriter(
            new JdbcAuditSink(db),
            Optional.of(new CheckpointSigner("bench-key")),
            1000,
            AuditJournal.open(dir.resolve("journal")));
    AtomicBoolean go = new AtomicBoolean(true);
    AtomicLong journaled = new AtomicLong();
    AtomicLong journalCpu = new AtomicLong();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long writerThread =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("audit-writer"))
            .findFirst()
            .orElseThrow()
            .threadId();
    long writerCpuStart = cpu.getThreadCpuTime(writerThread);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        AuditEntry[] entries = new AuditEntry[4096];
        for (int i = 0; i < entries.length; i++) {
          entries[i] = entry("r" + t + "-" + i);
        }
        pool.submit(
            () -> {
              int n = 0;
              while (go.get()) {
                long before = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 256; i++) {
                  AuditEntry e = entries[n++ & (entries.length - 1)];
                  writer.record(e);
                  if (calls) {
                    writer.record(completion(e));
                  }
                }
                journalCpu.addAndGet(cpu.getCurrentThreadCpuTime() - before);
                journaled.addAndGet(256);
                while (journaled.get() - writer.written() > 50_000 && go.get()) {
                  Thread.sleep(1); // keep the backlog bounded: measure the store's pace
                }
              }
              return null;
            });
      }
      Thread.sleep(5000);
      go.set(false);
    }
    long stored = writer.written();
    double seconds = (System.nanoTime() - start) / 1e9;
    // The writer stores what is still queued: wait until it has been idle for a second.
    for (int idle = 0; idle < 5; ) {
      long seen = writer.written();
      Thread.sleep(200);
      idle = writer.written() == seen ? idle + 1 : 0;
    }
    long writerCpu = cpu.getThreadCpuTime(writerThread) - writerCpuStart;
    long total = writer.written();
    writer.close();
    String unit = calls ? "call" : "record";
    System.out.printf(
        "audit write rate (sqlite, journaled %ss): %.0f records/s stored (%d %ss journaled)"
            + " in %.1f s%n",
        unit, stored / seconds, journaled.get(), unit, seconds);
    System.out.printf(
        "audit CPU per %s: writer thread %.2f us (%d records for %d %ss), journal append"
            + " (request thread) %.2f us%n",
        unit,
        writerCpu / 1e3 / journaled.get(),
        total,
        journaled.get(),
        unit,
        journalCpu.get() / 1e3 / journaled.get());
  }

  private static AuditEntry completion(AuditEntry d) {
    return new AuditEntry(
        AuditEntry.COMPLETION,
        d.timeMillis(),
        d.requestId(),
        d.agent(),
        d.user(),
        d.persona(),
        d.server(),
        d.method(),
        d.target(),
        d.decision(),
        d.rule(),
        d.findings(),
        d.upstreamError(),
        200,
        1530,
        d.bytesIn(),
        912,
        d.clientAddress());
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
