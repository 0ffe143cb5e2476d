package dev.warden.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link AuditEntry} as journal bytes: a version byte, then every field in declaration order
 * (strings as modified UTF-8, numbers as big-endian longs and ints, findings as a count and pairs).
 * Written on every request, so it is plain field-by-field code, no reflection.
 */
final class JournalCodec {
  private static final int VERSION = 1;

  private JournalCodec() {}

  static byte[] encode(AuditEntry e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(e.kind());
      out.writeLong(e.timeMillis());
      out.writeUTF(e.requestId());
      out.writeUTF(e.agent());
      out.writeUTF(e.user());
      out.writeUTF(e.persona());
      out.writeUTF(e.server());
      out.writeUTF(e.method());
      out.writeUTF(e.target());
      out.writeUTF(e.decision());
      out.writeUTF(e.rule());
      out.writeInt(e.findings().size());
      for (Map.Entry<String, Integer> f : e.findings().entrySet()) {
        out.writeUTF(f.getKey());
        out.writeInt(f.getValue());
      }
      out.writeUTF(e.upstreamError());
      out.writeInt(e.httpStatus());
      out.writeLong(e.latencyMicros());
      out.writeLong(e.bytesIn());
      out.writeLong(e.bytesOut());
      out.writeUTF(e.clientAddress());
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  static AuditEntry decode(byte[] frame) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new IOException("audit journal entry of unknown version " + version);
    }
    String kind = in.readUTF();
    long time = in.readLong();
    String requestId = in.readUTF();
    String agent = in.readUTF();
    String user = in.readUTF();
    String persona = in.readUTF();
    String server = in.readUTF();
    String method = in.readUTF();
    String target = in.readUTF();
    String decision = in.readUTF();
    String rule = in.readUTF();
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("audit journal entry with a bad findings count");
    }
    Map<String, Integer> findings = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      findings.put(in.readUTF(), in.readInt());
    }
    return new AuditEntry(
        kind,
        time,
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
        in.readUTF(),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readUTF());
  }
}
