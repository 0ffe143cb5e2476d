package dev.warden.audit;

import dev.warden.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The audit store contract on a real PostgreSQL server (embedded), a fresh database per test. */
class PostgresAuditStoreTest extends AuditStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Database freshDatabase() throws Exception {
    String name = "audit_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return Database.of(
        "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name,
        java.nio.file.Path.of(""),
        Database.Sync.FULL);
  }
}
