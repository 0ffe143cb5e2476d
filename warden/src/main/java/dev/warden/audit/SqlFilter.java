package dev.warden.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link AuditQuery}'s filters as a parameterised WHERE clause; values are never inlined. */
record SqlFilter(String where, List<Object> arguments) {
  static SqlFilter of(AuditQuery q) {
    List<String> terms = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    equal(terms, args, "agent", q.agent());
    equal(terms, args, "user_name", q.user());
    equal(terms, args, "persona", q.persona());
    equal(terms, args, "target", q.tool());
    equal(terms, args, "decision", q.decision());
    q.fromMillis().ifPresent(v -> add(terms, args, "time_ms >= ?", v));
    q.toMillis().ifPresent(v -> add(terms, args, "time_ms < ?", v));
    q.before().ifPresent(v -> add(terms, args, "seq < ?", v));
    return new SqlFilter(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), args);
  }

  private static void equal(
      List<String> terms, List<Object> args, String column, Optional<String> value) {
    value.ifPresent(v -> add(terms, args, column + " = ?", v));
  }

  private static void add(List<String> terms, List<Object> args, String term, Object value) {
    terms.add(term);
    args.add(value);
  }
}
