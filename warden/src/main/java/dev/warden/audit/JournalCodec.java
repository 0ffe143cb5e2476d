package dev.warden.audit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link AuditEntry} as journal bytes: a version byte, then every field in declaration order
 * (strings as modified UTF-8, numbers as big-endian longs and ints, findings as a count and pairs).
 * Written on every request, so it is plain field-by-field code, no reflection.
 */
final class JournalCodec {
  private static final byte VERSION = 1;
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private JournalCodec() {}

  static byte[] encode(AuditEntry e) {
    Out out = new Out();
    out.bytes[out.n++] = VERSION;
    out.utf(e.kind());
    out.int64(e.timeMillis());
    out.utf(e.requestId());
    out.utf(e.agent());
    out.utf(e.user());
    out.utf(e.persona());
    out.utf(e.server());
    out.utf(e.method());
    out.utf(e.target());
    out.utf(e.decision());
    out.utf(e.rule());
    out.int32(e.findings().size());
    for (Map.Entry<String, Integer> f : e.findings().entrySet()) {
      out.utf(f.getKey());
      out.int32(f.getValue());
    }
    out.utf(e.upstreamError());
    out.int32(e.httpStatus());
    out.int64(e.latencyMicros());
    out.int64(e.bytesIn());
    out.int64(e.bytesOut());
    out.utf(e.clientAddress());
    return Arrays.copyOf(out.bytes, out.n);
  }

  /**
   * The {@link java.io.DataOutput} encoding written straight into one array (no stream, no buffer
   * per string): big-endian numbers, strings as {@code writeUTF} writes them.
   */
  private static final class Out {
    byte[] bytes = new byte[256];
    int n;

    void int32(int v) {
      ensure(4);
      INT.set(bytes, n, v);
      n += 4;
    }

    void int64(long v) {
      ensure(8);
      LONG.set(bytes, n, v);
      n += 8;
    }

    /** Modified UTF-8 with a two-byte length, as {@code DataOutputStream.writeUTF}. */
    void utf(String s) {
      int length = s.length();
      ensure(2 + 3 * length);
      int start = n;
      n += 2;
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        if (c >= 0x0001 && c <= 0x007F) {
          bytes[n++] = (byte) c;
        } else if (c <= 0x07FF) {
          bytes[n++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
          bytes[n++] = (byte) (0x80 | (c & 0x3F));
        } else {
          bytes[n++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
          bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          bytes[n++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      int encoded = n - start - 2;
      if (encoded > 0xFFFF) {
        throw new IllegalArgumentException("audit field longer than 65535 bytes");
      }
      SHORT.set(bytes, start, (short) encoded);
    }

    private void ensure(int more) {
      if (n + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, n + more));
      }
    }
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
