package dev.warden.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one audit record says about one request: metadata only, never argument values, bodies or
 * credentials. {@link AuditRecord} adds its place in the chain.
 *
 * @param kind {@link #DECISION} (made safe before the reply is released), {@link #COMPLETION}
 *     (written after the reply went out, with the bytes sent and the final HTTP status), or {@link
 *     #CALL}: both in one record, when the completion reached the writer before the decision was
 *     stored
 * @param findings detector hits: type → count, never the values
 * @param upstreamError what went wrong with the upstream, "" when nothing did
 * @param httpStatus the status sent to the agent; 0 in a decision record (not yet known)
 * @param latencyMicros decision: request start to the reply being decided (for a streamed upstream
 *     reply, its first byte); completion: start to the last byte written
 */
public record AuditEntry(
    String kind,
    long timeMillis,
    String requestId,
    String agent,
    String user,
    String persona,
    String server,
    String method,
    String target,
    String decision,
    String rule,
    Map<String, Integer> findings,
    String upstreamError,
    int httpStatus,
    long latencyMicros,
    long bytesIn,
    long bytesOut,
    String clientAddress) {

  public static final String DECISION = "decision";
  public static final String COMPLETION = "completion";
  public static final String CALL = "call";

  public AuditEntry {
    findings =
        findings.isEmpty()
            ? java.util.Collections.emptySortedMap()
            : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(findings));
  }

  /** This completion as the one record of its call (it holds everything the decision did). */
  public AuditEntry asCall() {
    return new AuditEntry(
        CALL,
        timeMillis,
        requestId,
        agent,
        user,
        persona,
        server,
        method,
        target,
        decision,
        rule,
        findings,
        upstreamError,
        httpStatus,
        latencyMicros,
        bytesIn,
        bytesOut,
        clientAddress);
  }

  /** Whether this record holds the reply's final status and bytes (a completion or a call). */
  public boolean completed() {
    return !kind.equals(DECISION);
  }

  /** Findings in their stored form: {@code type=count} pairs sorted by type, joined by ",". */
  public String findingsText() {
    if (findings.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Integer> e : findings.entrySet()) {
      if (!b.isEmpty()) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** The inverse of {@link #findingsText()}. */
  public static Map<String, Integer> parseFindings(String text) {
    Map<String, Integer> out = new TreeMap<>();
    if (!text.isEmpty()) {
      for (String pair : text.split(",")) {
        int eq = pair.lastIndexOf('=');
        out.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
      }
    }
    return out;
  }
}
