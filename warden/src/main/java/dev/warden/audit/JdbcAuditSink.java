package dev.warden.audit;

import dev.warden.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in the gateway's database (SQLite or PostgreSQL, one schema). Appends go through
 * one long-lived connection owned by the writer thread; every read opens its own, so readers never
 * wait on the writer (SQLite WAL, PostgreSQL MVCC).
 */
public final class JdbcAuditSink implements AuditSink {
  static final String COLUMNS =
      "seq, kind, time_ms, request_id, agent, user_name, persona, server, method, target,"
          + " decision, rule, findings, upstream_error, http_status, latency_us, bytes_in,"
          + " bytes_out, client_address, prev_hash, hash";
  private static final int FIELDS = 21;

  /**
   * Rows per INSERT statement: one statement stores many records, so the per-statement work (JNI
   * calls, statement reset, program start) is paid once per {@value} records; 32 × 21 parameters
   * stay below every engine's limit.
   */
  static final int ROWS = 32;

  private static final String INSERT_CHECKPOINT =
      "INSERT INTO audit_checkpoint (seq, hash, time_ms, mac) VALUES (?,?,?,?)";

  private final Database database;
  private Connection writer;
  // inserts[n]: the statement that stores n records, prepared once on the writer connection
  private final PreparedStatement[] inserts = new PreparedStatement[ROWS + 1];
  private PreparedStatement checkpoint;

  public JdbcAuditSink(Database database) {
    this.database = database;
  }

  @Override
  public void append(List<AuditRecord> records, List<Checkpoint> checkpoints) throws SQLException {
    Connection c = writer();
    try {
      for (int from = 0; from < records.size(); from += ROWS) {
        int rows = Math.min(ROWS, records.size() - from);
        PreparedStatement insert = insert(c, rows);
        for (int i = 0; i < rows; i++) {
          bind(insert, i * FIELDS, records.get(from + i));
        }
        insert.executeUpdate();
      }
      for (Checkpoint k : checkpoints) {
        if (checkpoint == null) {
          checkpoint = c.prepareStatement(INSERT_CHECKPOINT);
        }
        checkpoint.setLong(1, k.seq());
        checkpoint.setString(2, k.hash());
        checkpoint.setLong(3, k.timeMillis());
        checkpoint.setString(4, k.mac());
        checkpoint.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      rollbackAndDrop();
      throw e;
    }
  }

  private PreparedStatement insert(Connection c, int rows) throws SQLException {
    if (inserts[rows] == null) {
      String row = "(" + "?,".repeat(FIELDS - 1) + "?)";
      inserts[rows] =
          c.prepareStatement(
              "INSERT INTO audit_record ("
                  + COLUMNS
                  + ") VALUES "
                  + String.join(",", java.util.Collections.nCopies(rows, row)));
    }
    return inserts[rows];
  }

  private Connection writer() throws SQLException {
    if (writer == null) {
      writer = database.openWriter();
      writer.setAutoCommit(false);
    }
    return writer;
  }

  /** After a failed commit the connection may be broken; the next batch opens a fresh one. */
  private void rollbackAndDrop() {
    try {
      writer.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // already failing; the caller reports the first error
    }
    closeWriter();
  }

  /** Binds {@code r} to the parameters after {@code at}. */
  private static void bind(PreparedStatement s, int at, AuditRecord r) throws SQLException {
    AuditEntry e = r.entry();
    s.setLong(at + 1, r.seq());
    s.setString(at + 2, e.kind());
    s.setLong(at + 3, e.timeMillis());
    s.setString(at + 4, e.requestId());
    s.setString(at + 5, e.agent());
    s.setString(at + 6, e.user());
    s.setString(at + 7, e.persona());
    s.setString(at + 8, e.server());
    s.setString(at + 9, e.method());
    s.setString(at + 10, e.target());
    s.setString(at + 11, e.decision());
    s.setString(at + 12, e.rule());
    s.setString(at + 13, e.findingsText());
    s.setString(at + 14, e.upstreamError());
    s.setInt(at + 15, e.httpStatus());
    s.setLong(at + 16, e.latencyMicros());
    s.setLong(at + 17, e.bytesIn());
    s.setLong(at + 18, e.bytesOut());
    s.setString(at + 19, e.clientAddress());
    s.setString(at + 20, r.prevHash());
    s.setString(at + 21, r.hash());
  }

  static AuditRecord row(ResultSet rs) throws SQLException {
    AuditEntry e =
        new AuditEntry(
            rs.getString("kind"),
            rs.getLong("time_ms"),
            rs.getString("request_id"),
            rs.getString("agent"),
            rs.getString("user_name"),
            rs.getString("persona"),
            rs.getString("server"),
            rs.getString("method"),
            rs.getString("target"),
            rs.getString("decision"),
            rs.getString("rule"),
            AuditEntry.parseFindings(rs.getString("findings")),
            rs.getString("upstream_error"),
            rs.getInt("http_status"),
            rs.getLong("latency_us"),
            rs.getLong("bytes_in"),
            rs.getLong("bytes_out"),
            rs.getString("client_address"));
    return new AuditRecord(rs.getLong("seq"), e, rs.getString("prev_hash"), rs.getString("hash"));
  }

  @Override
  public Optional<AuditRecord> last() throws SQLException {
    List<AuditRecord> rows =
        select("SELECT " + COLUMNS + " FROM audit_record ORDER BY seq DESC LIMIT 1", List.of());
    return rows.stream().findFirst();
  }

  @Override
  public List<AuditRecord> read(long after, int limit) throws SQLException {
    return select(
        "SELECT " + COLUMNS + " FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?",
        List.of(after, limit));
  }

  @Override
  public List<AuditRecord> query(AuditQuery q) throws SQLException {
    SqlFilter f = SqlFilter.of(q);
    return select(
        "SELECT "
            + COLUMNS
            + " FROM audit_record"
            + f.where()
            + " ORDER BY seq DESC LIMIT "
            + q.limit(),
        f.arguments());
  }

  private List<AuditRecord> select(String sql, List<Object> args) throws SQLException {
    try (Connection c = database.open();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      List<AuditRecord> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    }
  }

  @Override
  public List<Checkpoint> checkpoints() throws SQLException {
    try (Connection c = database.open();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, hash, time_ms, mac FROM audit_checkpoint ORDER BY seq");
        ResultSet rs = s.executeQuery()) {
      List<Checkpoint> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
      }
      return out;
    }
  }

  @Override
  public void prune(long through) throws SQLException {
    try (Connection c = database.open()) {
      c.setAutoCommit(false);
      try (PreparedStatement records =
              c.prepareStatement("DELETE FROM audit_record WHERE seq <= ?");
          PreparedStatement cps =
              c.prepareStatement("DELETE FROM audit_checkpoint WHERE seq < ?")) {
        records.setLong(1, through);
        records.executeUpdate();
        cps.setLong(1, through);
        cps.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    closeWriter();
  }

  private void closeWriter() {
    if (writer != null) {
      try {
        writer.close(); // closes its statements too
      } catch (SQLException | RuntimeException ignored) {
        // closing at shutdown or after a failure that is reported already
      }
      writer = null;
    }
    java.util.Arrays.fill(inserts, null);
    checkpoint = null;
  }
}
