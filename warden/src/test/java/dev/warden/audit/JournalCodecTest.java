package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Journal frames keep the DataOutput encoding, so journals written before still replay. */
class JournalCodecTest {

  @Property(tries = 300)
  void encodesAsDataOutputAndDecodesBack(
      @ForAll String text, @ForAll String other, @ForAll long number, @ForAll int count)
      throws IOException {
    Map<String, Integer> findings = new TreeMap<>();
    if (!other.isEmpty()) {
      findings.put(other, count);
    }
    AuditEntry e =
        new AuditEntry(
            AuditEntry.COMPLETION,
            number,
            other,
            text,
            other + text,
            "p",
            "s",
            "tools/call",
            text,
            "ok",
            other,
            findings,
            text,
            count,
            number,
            -number,
            number,
            other);
    byte[] encoded = JournalCodec.encode(e);
    assertThat(encoded).isEqualTo(reference(e));
    assertThat(JournalCodec.decode(encoded)).isEqualTo(e);
  }

  @Test
  void refusesAFieldTooLongForItsLengthPrefix() {
    AuditEntry e =
        new AuditEntry(
            AuditEntry.DECISION,
            1,
            "r",
            "é".repeat(40_000),
            "",
            "p",
            "s",
            "m",
            "t",
            "ok",
            "",
            Map.of(),
            "",
            0,
            0,
            0,
            0,
            "");
    assertThatThrownBy(() -> JournalCodec.encode(e)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The encoding as first written, through DataOutputStream. */
  private static byte[] reference(AuditEntry e) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF(e.kind());
      out.writeLong(e.timeMillis());
      for (String s :
          new String[] {
            e.requestId(),
            e.agent(),
            e.user(),
            e.persona(),
            e.server(),
            e.method(),
            e.target(),
            e.decision(),
            e.rule()
          }) {
        out.writeUTF(s);
      }
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
    }
    return bytes.toByteArray();
  }
}
