package dev.warden.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** An alert as one JSON object on one line: the webhook body, a JSON-lines line, a syslog MSG. */
public final class AlertJson {
  /** Names the payload's shape; a receiver can check it before reading the fields. */
  public static final String SCHEMA = "warden.alert/v1";

  private static final JsonFactory JSON = new JsonFactory();

  private AlertJson() {}

  public static String of(Alert a, String version) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("id", a.requestId());
      g.writeStringField("event", a.primary().key());
      g.writeArrayFieldStart("events");
      for (String e : a.eventKeys()) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeStringField("time", a.time().toString());
      g.writeNumberField("time_ms", a.time().toEpochMilli());
      g.writeStringField("request_id", a.requestId());
      g.writeStringField("agent", a.agent());
      g.writeStringField("user", a.user());
      g.writeStringField("persona", a.persona());
      g.writeStringField("server", a.server());
      g.writeStringField("method", a.method());
      g.writeStringField("tool", a.target());
      g.writeStringField("decision", a.decision());
      g.writeStringField("rule", a.rule());
      g.writeArrayFieldStart("findings");
      for (Alert.Finding f : a.findings()) {
        g.writeStartObject();
        g.writeStringField("direction", f.direction());
        g.writeStringField("type", f.type());
        g.writeStringField("action", f.action());
        g.writeNumberField("count", f.count());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("upstream_error", a.upstreamError());
      g.writeNumberField("http_status", a.httpStatus());
      g.writeNumberField("latency_us", a.latencyMicros());
      g.writeStringField("client_address", a.clientAddress());
      g.writeStringField("warden_version", version);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
