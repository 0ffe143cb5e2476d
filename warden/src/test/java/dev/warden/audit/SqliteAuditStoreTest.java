package dev.warden.audit;

import dev.warden.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The audit store contract on a real SQLite file in WAL mode. */
class SqliteAuditStoreTest extends AuditStoreContract {
  @TempDir Path dir;

  @Override
  Database freshDatabase() {
    return Database.of("sqlite:data/warden.db", dir, Database.Sync.FULL);
  }
}
