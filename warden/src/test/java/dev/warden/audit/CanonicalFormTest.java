package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The byte form the chain hashes never changes: the fast encoder matches v1 as first written. */
class CanonicalFormTest {

  @Property(tries = 300)
  void encodesExactlyAsVersionOne(
      @ForAll String text,
      @ForAll String other,
      @ForAll long seq,
      @ForAll long number,
      @ForAll @IntRange(min = -5, max = 1_000_000) int count) {
    AuditEntry e = entry(text, other, number, count);
    assertThat(CanonicalForm.encode(seq, e)).isEqualTo(reference(seq, e));
    String prev = CanonicalForm.hash(seq, e, AuditRecord.GENESIS);
    assertThat(new CanonicalForm().hashOf(seq, e, prev)).isEqualTo(referenceHash(seq, e, prev));
  }

  @Test
  void reusedFormGivesTheSameHashAsAFreshOne() {
    CanonicalForm form = new CanonicalForm();
    String prev = AuditRecord.GENESIS;
    for (int i = 0; i < 50; i++) {
      AuditEntry e = entry("a\\b\nc\r" + "é😀".repeat(i % 3) + "x".repeat(i * 40), "t", i, i);
      String h = form.hashOf(i, e, prev);
      assertThat(h).isEqualTo(referenceHash(i, e, prev)).hasSize(64);
      prev = h;
    }
  }

  @Test
  void escapesLineBreaksSoNoValueForgesAField() {
    AuditEntry e = entry("bot\nrule=x", "\\", 1, 1);
    String text = new String(CanonicalForm.encode(7, e), StandardCharsets.UTF_8);
    assertThat(text).startsWith("warden-audit-v1\nseq=7\nkind=decision\n");
    assertThat(text).contains("agent=bot\\nrule=x\n").contains("rule=\\\\\n");
  }

  private static AuditEntry entry(String text, String other, long number, int count) {
    Map<String, Integer> findings = new TreeMap<>();
    if (!other.isEmpty()) {
      findings.put("request:" + other, count);
      findings.put("response:email", 2);
    }
    return new AuditEntry(
        AuditEntry.DECISION,
        number,
        "req-" + other,
        text,
        other,
        "triage",
        "tickets",
        "tools/call",
        text + other,
        "ok",
        other,
        findings,
        text,
        count,
        number,
        -number,
        Math.abs(number % 1000),
        "127.0.0.1");
  }

  /** v1 exactly as first written: a string per field, then UTF-8. */
  private static byte[] reference(long seq, AuditEntry e) {
    StringBuilder b = new StringBuilder(512).append("warden-audit-v1").append('\n');
    field(b, "seq", Long.toString(seq));
    field(b, "kind", e.kind());
    field(b, "time_ms", Long.toString(e.timeMillis()));
    field(b, "request_id", e.requestId());
    field(b, "agent", e.agent());
    field(b, "user", e.user());
    field(b, "persona", e.persona());
    field(b, "server", e.server());
    field(b, "method", e.method());
    field(b, "target", e.target());
    field(b, "decision", e.decision());
    field(b, "rule", e.rule());
    field(b, "findings", e.findingsText());
    field(b, "upstream_error", e.upstreamError());
    field(b, "http_status", Integer.toString(e.httpStatus()));
    field(b, "latency_us", Long.toString(e.latencyMicros()));
    field(b, "bytes_in", Long.toString(e.bytesIn()));
    field(b, "bytes_out", Long.toString(e.bytesOut()));
    field(b, "client_address", e.clientAddress());
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String referenceHash(long seq, AuditEntry e, String prev) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(reference(seq, e));
      sha.update(prev.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException x) {
      throw new IllegalStateException(x);
    }
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(name).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    b.append('\n');
  }
}
