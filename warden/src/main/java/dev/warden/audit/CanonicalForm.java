package dev.warden.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

/**
 * The stable byte form of a record that the chain hashes (documented in docs/adr/0002).
 *
 * <p>UTF-8 text: the line {@code warden-audit-v1}, then one {@code name=value} line per field in a
 * fixed order, each ending in {@code \n}. Numbers are decimal; in text values {@code \} is written
 * {@code \\}, a line feed {@code \n} and a carriage return {@code \r}, so no value can forge a
 * field boundary. The hash is lower-case hex SHA-256 over these bytes followed by the previous
 * record's hash as 64 ASCII hex characters. Any change to the order, names or escaping is a new
 * version line, never an edit of this one.
 *
 * <p>The writer hashes every record, so an instance writes the form straight into one reused byte
 * buffer and digest: no string is built per field. An instance is not thread-safe; the static
 * methods use a fresh one.
 */
public final class CanonicalForm {
  static final String VERSION = "warden-audit-v1";
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[][] NAMES =
      names(
          VERSION + "\nseq=",
          "kind=",
          "time_ms=",
          "request_id=",
          "agent=",
          "user=",
          "persona=",
          "server=",
          "method=",
          "target=",
          "decision=",
          "rule=",
          "findings=",
          "upstream_error=",
          "http_status=",
          "latency_us=",
          "bytes_in=",
          "bytes_out=",
          "client_address=");

  private final MessageDigest sha = sha256();
  private final byte[] digest = new byte[32];
  private final byte[] hex = new byte[64];
  private byte[] buf = new byte[1024];
  private int n;

  /** A reusable encoder and hasher for one thread. */
  public CanonicalForm() {}

  public static byte[] encode(long seq, AuditEntry e) {
    CanonicalForm f = new CanonicalForm();
    f.write(seq, e);
    return Arrays.copyOf(f.buf, f.n);
  }

  public static String hash(long seq, AuditEntry entry, String prevHash) {
    return new CanonicalForm().hashOf(seq, entry, prevHash);
  }

  /** {@code SHA-256(canonical(seq, entry) ‖ prevHash)} as lower-case hex. */
  public String hashOf(long seq, AuditEntry e, String prevHash) {
    write(seq, e);
    ensure(prevHash.length());
    for (int i = 0; i < prevHash.length(); i++) {
      buf[n++] = (byte) prevHash.charAt(i);
    }
    sha.update(buf, 0, n);
    try {
      sha.digest(digest, 0, digest.length);
    } catch (DigestException impossible) {
      throw new IllegalStateException(impossible);
    }
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  private void write(long seq, AuditEntry e) {
    n = 0;
    number(0, seq);
    text(1, e.kind());
    number(2, e.timeMillis());
    text(3, e.requestId());
    text(4, e.agent());
    text(5, e.user());
    text(6, e.persona());
    text(7, e.server());
    text(8, e.method());
    text(9, e.target());
    text(10, e.decision());
    text(11, e.rule());
    findings(12, e.findings());
    text(13, e.upstreamError());
    number(14, e.httpStatus());
    number(15, e.latencyMicros());
    number(16, e.bytesIn());
    number(17, e.bytesOut());
    text(18, e.clientAddress());
  }

  private void name(int field) {
    byte[] name = NAMES[field];
    ensure(name.length);
    System.arraycopy(name, 0, buf, n, name.length);
    n += name.length;
  }

  private void number(int field, long value) {
    name(field);
    digits(value);
    buf[n++] = '\n';
  }

  private void digits(long value) {
    ensure(21);
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        ascii(Long.toString(value));
        return;
      }
      buf[n++] = '-';
      value = -value;
    }
    int start = n;
    do {
      buf[n++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int i = start, j = n - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  private void text(int field, String value) {
    name(field);
    escaped(value);
    buf[n++] = '\n';
  }

  private void findings(int field, Map<String, Integer> findings) {
    name(field);
    boolean first = true;
    for (Map.Entry<String, Integer> f : findings.entrySet()) {
      if (!first) {
        buf[n++] = ',';
      }
      first = false;
      escaped(f.getKey());
      buf[n++] = '=';
      digits(f.getValue());
    }
    ensure(1);
    buf[n++] = '\n';
  }

  /** A value with {@code \}, LF and CR escaped; leaves room for one more byte. */
  private void escaped(String value) {
    ensure(2 * value.length() + 2);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        n -= utf8Prefix(value, i);
        slowEscaped(value);
        return;
      }
      switch (c) {
        case '\\' -> {
          buf[n++] = '\\';
          buf[n++] = '\\';
        }
        case '\n' -> {
          buf[n++] = '\\';
          buf[n++] = 'n';
        }
        case '\r' -> {
          buf[n++] = '\\';
          buf[n++] = 'r';
        }
        default -> buf[n++] = (byte) c;
      }
    }
  }

  /** How many bytes the ASCII prefix {@code value[0, end)} took once escaped. */
  private static int utf8Prefix(String value, int end) {
    int bytes = end;
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\n' || c == '\r') {
        bytes++;
      }
    }
    return bytes;
  }

  /** Non-ASCII text: escaped as a string, then encoded as UTF-8 exactly as v1 always was. */
  private void slowEscaped(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length + 2);
    System.arraycopy(bytes, 0, buf, n, bytes.length);
    n += bytes.length;
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[n++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int more) {
    if (n + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more + 64));
    }
  }

  private static byte[][] names(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
