package dev.warden.admin;

import dev.warden.audit.AuditEntry;
import dev.warden.audit.AuditQuery;
import dev.warden.audit.AuditRecord;
import dev.warden.audit.AuditSink;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /admin/api/v1/audit}: the trail, newest first, filtered by agent, persona, tool,
 * decision and time range ({@code from}, {@code to}: ISO-8601 instants), {@code limit} records a
 * page; {@code next_cursor} goes back as {@code cursor} for the page after.
 */
final class AuditApi {
  static final String PATH = "/audit";
  private static final Logger log = LoggerFactory.getLogger(AuditApi.class);
  private static final Set<String> PARAMS =
      Set.of("agent", "user", "persona", "tool", "decision", "from", "to", "cursor", "limit");
  private static final int DEFAULT_LIMIT = 100;

  private final AuditSink sink;

  AuditApi(AuditSink sink) {
    this.sink = sink;
  }

  Reply answer(String rawQuery) {
    AuditQuery query;
    try {
      query = query(params(rawQuery));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "bad_request", e.getMessage());
    }
    try {
      List<AuditRecord> page = sink.query(query);
      Map<String, Object> body = new HashMap<>();
      body.put("items", page.stream().map(AuditView::of).toList());
      body.put(
          "next_cursor", page.size() < query.limit() ? null : Long.toString(page.getLast().seq()));
      return Reply.json(200, body);
    } catch (Exception e) {
      log.error("audit query failed: {}", e.toString());
      return Reply.error(503, "unavailable", "the audit store cannot be read right now");
    }
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!PARAMS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + name
                + "'; expected one of "
                + String.join(", ", PARAMS.stream().sorted().toList()));
      }
      out.put(name, value);
    }
    return out;
  }

  private static AuditQuery query(Map<String, String> p) {
    return new AuditQuery(
        Optional.ofNullable(p.get("agent")),
        Optional.ofNullable(p.get("user")),
        Optional.ofNullable(p.get("persona")),
        Optional.ofNullable(p.get("tool")),
        Optional.ofNullable(p.get("decision")),
        instant(p, "from"),
        instant(p, "to"),
        number(p, "cursor"),
        (int) number(p, "limit").orElse(DEFAULT_LIMIT));
  }

  private static OptionalLong instant(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Instant.parse(v).toEpochMilli());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  private static OptionalLong number(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(v);
      if (n > 0 && (!name.equals("limit") || n <= AuditQuery.MAX_LIMIT)) {
        return OptionalLong.of(n);
      }
    } catch (NumberFormatException e) {
      // one message below
    }
    throw new IllegalArgumentException(
        name.equals("limit")
            ? "limit must be from 1 to " + AuditQuery.MAX_LIMIT
            : name + " must be a cursor from a previous page");
  }

  /** One record as the API shows it. */
  record AuditView(
      long seq,
      String kind,
      String time,
      String requestId,
      String agent,
      String user,
      String persona,
      String server,
      String method,
      String tool,
      String decision,
      String rule,
      Map<String, Integer> findings,
      String upstreamError,
      int httpStatus,
      long latencyUs,
      long bytesIn,
      long bytesOut,
      String clientAddress,
      String prevHash,
      String hash) {
    static AuditView of(AuditRecord r) {
      AuditEntry e = r.entry();
      return new AuditView(
          r.seq(),
          e.kind(),
          Instant.ofEpochMilli(e.timeMillis()).toString(),
          e.requestId(),
          e.agent(),
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
          e.clientAddress(),
          r.prevHash(),
          r.hash());
    }
  }
}
