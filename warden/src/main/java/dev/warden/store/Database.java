package dev.warden.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * The database named by {@code storage:} in the configuration: an SQLite file (the default) or
 * PostgreSQL. One schema, managed by Flyway, serves both; {@link #migrate()} brings it up to date.
 *
 * <p>SQLite runs in WAL mode. {@link Sync#FULL} fsyncs the WAL on every commit (a committed
 * transaction survives a power loss); {@link Sync#NORMAL} survives a killed process but not a lost
 * machine. On PostgreSQL, NORMAL turns off {@code synchronous_commit} for this connection.
 */
public final class Database {
  /** How hard a commit is pushed to disk. */
  public enum Sync {
    FULL,
    NORMAL
  }

  /** The two supported engines. */
  public enum Engine {
    SQLITE,
    POSTGRESQL
  }

  private static final String MIGRATIONS = "classpath:dev/warden/store/migration";

  /** Scripts for one engine only, beside the portable ones (never inside their folder). */
  private static final String ENGINE_MIGRATIONS = "classpath:dev/warden/store/engine/";

  private final Engine engine;
  private final String jdbcUrl;
  private final Properties properties;
  private final Sync sync;

  private Database(Engine engine, String jdbcUrl, Properties properties, Sync sync) {
    this.engine = engine;
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
    this.sync = sync;
  }

  /**
   * The database for a {@code storage:} value ({@code sqlite:PATH} or {@code
   * postgresql://user@host:port/db}); relative SQLite paths are resolved against {@code base}.
   */
  public static Database of(String storage, Path base, Sync sync) {
    if (storage.startsWith("sqlite:")) {
      Path file = base.resolve(storage.substring("sqlite:".length())).toAbsolutePath().normalize();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + file.getParent(), e);
      }
      Properties props = new Properties();
      // Nothing reads generated keys; without this the driver queries last_insert_rowid() after
      // every INSERT.
      props.setProperty("jdbc.get_generated_keys", "false");
      return new Database(Engine.SQLITE, "jdbc:sqlite:" + file, props, sync);
    }
    if (storage.startsWith("postgresql://")) {
      URI uri = URI.create(storage);
      Properties props = new Properties();
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        String[] parts = userInfo.split(":", 2);
        props.setProperty("user", decode(parts[0]));
        if (parts.length == 2) {
          props.setProperty("password", decode(parts[1]));
        }
      }
      String hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new Database(
          Engine.POSTGRESQL,
          "jdbc:postgresql://" + hostPort + uri.getRawPath() + query,
          props,
          sync);
    }
    throw new IllegalArgumentException("storage must start with sqlite: or postgresql://");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public Engine engine() {
    return engine;
  }

  /** Applies pending migrations; safe to call on every start. */
  public void migrate() {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(jdbcUrl, properties.getProperty("user"), properties.getProperty("password"))
        .locations(MIGRATIONS, ENGINE_MIGRATIONS + engine.name().toLowerCase(java.util.Locale.ROOT))
        .load()
        .migrate();
  }

  /** A new connection, set up for this engine and sync mode; the caller closes it. */
  public Connection open() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, properties);
    try (Statement s = c.createStatement()) {
      if (engine == Engine.SQLITE) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + sync.name());
        s.execute("PRAGMA busy_timeout=10000");
      } else if (sync == Sync.NORMAL) {
        s.execute("SET synchronous_commit = off");
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * A connection for one long-lived writer that appends in batches. On SQLite its WAL is folded
   * back into the database every {@value #WRITER_CHECKPOINT_PAGES} pages instead of 1000: fewer
   * checkpoints, each copying the pages that many small commits rewrote only once. Durability is
   * unchanged (every commit still goes to the WAL as {@code synchronous} says); the WAL file grows
   * to about 40 MB between checkpoints.
   */
  public Connection openWriter() throws SQLException {
    Connection c = open();
    if (engine == Engine.SQLITE) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_autocheckpoint=" + WRITER_CHECKPOINT_PAGES);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  static final int WRITER_CHECKPOINT_PAGES = 10_000;

  @Override
  public String toString() {
    // The JDBC URL never holds the password; it travels in the properties.
    return engine.name().toLowerCase(java.util.Locale.ROOT) + " " + jdbcUrl;
  }
}
