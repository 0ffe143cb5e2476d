package dev.warden.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable byte form of a record that the chain hashes (documented in docs/adr/0002).
 *
 * <p>UTF-8 text: the line {@code warden-audit-v1}, then one {@code name=value} line per field in a
 * fixed order, each ending in {@code \n}. Numbers are decimal; in text values {@code \} is written
 * {@code \\}, a line feed {@code \n} and a carriage return {@code \r}, so no value can forge a
 * field boundary. The hash is lower-case hex SHA-256 over these bytes followed by the previous
 * record's hash as 64 ASCII hex characters. Any change to the order, names or escaping is a new
 * version line, never an edit of this one.
 */
public final class CanonicalForm {
  static final String VERSION = "warden-audit-v1";
  private static final HexFormat HEX = HexFormat.of();

  private CanonicalForm() {}

  public static byte[] encode(long seq, AuditEntry e) {
    StringBuilder b = new StringBuilder(512).append(VERSION).append('\n');
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

  public static String hash(long seq, AuditEntry entry, String prevHash) {
    MessageDigest sha = sha256();
    sha.update(encode(seq, entry));
    sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
    return HEX.formatHex(sha.digest());
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
