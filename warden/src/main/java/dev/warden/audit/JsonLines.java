package dev.warden.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** One record as one line of JSON (for {@code warden audit export --format jsonl}). */
public final class JsonLines {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonLines() {}

  public static String line(AuditRecord r) {
    AuditEntry e = r.entry();
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("seq", r.seq());
      g.writeStringField("kind", e.kind());
      g.writeStringField("time", Instant.ofEpochMilli(e.timeMillis()).toString());
      g.writeNumberField("time_ms", e.timeMillis());
      g.writeStringField("request_id", e.requestId());
      g.writeStringField("agent", e.agent());
      g.writeStringField("user", e.user());
      g.writeStringField("persona", e.persona());
      g.writeStringField("server", e.server());
      g.writeStringField("method", e.method());
      g.writeStringField("tool", e.target());
      g.writeStringField("decision", e.decision());
      g.writeStringField("rule", e.rule());
      g.writeObjectFieldStart("findings");
      for (Map.Entry<String, Integer> f : e.findings().entrySet()) {
        g.writeNumberField(f.getKey(), f.getValue());
      }
      g.writeEndObject();
      g.writeStringField("upstream_error", e.upstreamError());
      g.writeNumberField("http_status", e.httpStatus());
      g.writeNumberField("latency_us", e.latencyMicros());
      g.writeNumberField("bytes_in", e.bytesIn());
      g.writeNumberField("bytes_out", e.bytesOut());
      g.writeStringField("client_address", e.clientAddress());
      g.writeStringField("prev_hash", r.prevHash());
      g.writeStringField("hash", r.hash());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  /** A short human line for {@code warden audit tail}. */
  public static String text(AuditRecord r) {
    AuditEntry e = r.entry();
    String what = e.target().isEmpty() ? e.method() : e.method() + " " + e.target();
    return String.format(
        "%d %s %s %s agent=%s%s persona=%s %s %s%s%s",
        r.seq(),
        Instant.ofEpochMilli(e.timeMillis()),
        e.requestId(),
        e.kind(),
        e.agent().isEmpty() ? "-" : e.agent(),
        e.user().isEmpty() ? "" : " user=" + e.user(),
        e.persona(),
        what,
        e.decision(),
        e.rule().isEmpty() ? "" : " rule=" + e.rule(),
        e.completed() ? " status=" + e.httpStatus() + " bytes_out=" + e.bytesOut() : "");
  }
}
