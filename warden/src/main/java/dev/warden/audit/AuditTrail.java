package dev.warden.audit;

import dev.warden.config.AuditConfig;
import dev.warden.config.Secret;
import dev.warden.config.WardenConfig;
import dev.warden.net.VirtualThreads;
import dev.warden.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail a configuration names: its database (migrated on open), the sink over it and the
 * checkpoint signer. The gateway adds a writer and a stage; the audit commands only read.
 */
public final class AuditTrail implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final Duration RETENTION_EVERY = Duration.ofHours(1);

  private final AuditConfig config;
  private final Database database;
  private final JdbcAuditSink sink;
  private final Optional<CheckpointSigner> signer;
  private AuditWriter writer;
  private Thread pruner;

  private final Path journalDir;

  private AuditTrail(AuditConfig config, Database database, Path journalDir) {
    this.config = config;
    this.journalDir = journalDir;
    this.database = database;
    this.sink = new JdbcAuditSink(database);
    this.signer = config.checkpointKey().map(Secret::reveal).map(CheckpointSigner::new);
  }

  /**
   * Opens (and creates or migrates) the store of {@code config}. A relative SQLite path is read
   * from the configuration file's folder, or from the working directory for a built-in config.
   */
  public static AuditTrail open(WardenConfig config) {
    Path base =
        config.source() == null || config.source().toAbsolutePath().getParent() == null
            ? Path.of("")
            : config.source().toAbsolutePath().getParent();
    Database.Sync sync =
        config.audit().sync() == AuditConfig.Sync.FULL ? Database.Sync.FULL : Database.Sync.NORMAL;
    Database database = Database.of(config.storage(), base, sync);
    database.migrate();
    AuditTrail trail = new AuditTrail(config.audit(), database, journalDir(config.storage(), base));
    trail.recover();
    return trail;
  }

  /**
   * Where the journal of {@code audit.sync: normal} lives: beside a SQLite file, or under {@code
   * warden-data/} of the base folder for PostgreSQL (each replica has its own).
   */
  static Path journalDir(String storage, Path base) {
    if (storage.startsWith("sqlite:")) {
      Path file = base.resolve(storage.substring("sqlite:".length())).toAbsolutePath().normalize();
      return file.resolveSibling(file.getFileName() + "-audit-journal");
    }
    return base.resolve("warden-data").resolve("audit-journal").toAbsolutePath().normalize();
  }

  /**
   * Stores what a killed gateway journaled but did not commit, so the audit commands see every
   * acknowledged record. Skipped while a running gateway owns the journal.
   */
  private void recover() {
    if (!Files.isDirectory(journalDir)) {
      return;
    }
    try (AuditJournal journal = AuditJournal.open(journalDir)) {
      new AuditWriter(sink, signer, config.checkpointEvery(), journal).closeKeepingSink();
    } catch (Exception e) {
      log.debug("audit journal not replayed here: {}", e.getMessage());
    }
  }

  public AuditSink sink() {
    return sink;
  }

  public Optional<CheckpointSigner> signer() {
    return signer;
  }

  public Database database() {
    return database;
  }

  /** Starts the one writer of this trail, resuming its chain. */
  public synchronized AuditWriter writer() throws Exception {
    if (writer == null) {
      AuditJournal journal =
          config.sync() == AuditConfig.Sync.NORMAL ? AuditJournal.open(journalDir) : null;
      writer = new AuditWriter(sink, signer, config.checkpointEvery(), journal);
      AuditRetention retention = retention();
      if (retention.active()) {
        pruner = VirtualThreads.builder().name("audit-retention").start(() -> prune(retention));
      }
    }
    return writer;
  }

  /** The pipeline stage that records every request through this trail's writer. */
  public AuditStage stage() throws Exception {
    return new AuditStage(writer(), config.commitTimeout());
  }

  /** The stage, also showing every committed record to {@code observer} (e.g. an exporter). */
  public AuditStage stage(AuditObserver observer) throws Exception {
    return new AuditStage(writer(), config.commitTimeout(), observer);
  }

  public AuditRetention retention() {
    return new AuditRetention(config.maxAge(), config.maxRecords());
  }

  private void prune(AuditRetention retention) {
    // A separate connection per run; SQLite WAL and PostgreSQL let the writer go on meanwhile.
    while (!Thread.currentThread().isInterrupted()) {
      try {
        retention
            .apply(sink, Instant.now())
            .ifPresent(seq -> log.info("audit retention: pruned records through {}", seq));
        Thread.sleep(RETENTION_EVERY);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        log.warn("audit retention failed: {}", e.toString());
        try {
          Thread.sleep(RETENTION_EVERY);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  public ChainVerifier verifier() {
    return new ChainVerifier(sink, signer);
  }

  @Override
  public synchronized void close() {
    if (pruner != null) {
      pruner.interrupt();
    }
    if (writer != null) {
      writer.close();
    } else {
      sink.close();
    }
  }
}
