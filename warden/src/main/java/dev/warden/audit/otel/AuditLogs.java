package dev.warden.audit.otel;

import dev.warden.audit.AuditEntry;
import dev.warden.audit.AuditObserver;
import dev.warden.audit.AuditRecord;
import dev.warden.pipeline.Exchange;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every committed audit record as an OpenTelemetry log record, in the trace of its request. The
 * attributes are the record's own fields: metadata, detector types and counts, never a value.
 */
final class AuditLogs implements AuditObserver {
  static final String EVENT = "warden.audit";

  private final Logger logger;

  AuditLogs(Logger logger) {
    this.logger = logger;
  }

  @Override
  public Consumer<AuditRecord> of(Exchange exchange) {
    Context context = Context.current(); // the request's span, while its pipeline runs
    return record -> emit(record, context);
  }

  private void emit(AuditRecord record, Context context) {
    AuditEntry e = record.entry();
    Severity severity =
        switch (e.decision()) {
          case "denied" -> Severity.WARN;
          case "error" -> Severity.ERROR;
          default -> Severity.INFO;
        };
    logger
        .logRecordBuilder()
        .setContext(context)
        .setTimestamp(e.timeMillis(), TimeUnit.MILLISECONDS)
        .setObservedTimestamp(Instant.now())
        .setSeverity(severity)
        .setSeverityText(severity.name())
        .setEventName(EVENT)
        .setBody(summary(e))
        .setAllAttributes(attributes(record))
        .emit();
  }

  private static String summary(AuditEntry e) {
    String what = e.target().isEmpty() ? e.method() : e.method() + " " + e.target();
    return e.kind()
        + ": "
        + what
        + " "
        + e.decision()
        + (e.rule().isEmpty() ? "" : " by " + e.rule());
  }

  static Attributes attributes(AuditRecord record) {
    AuditEntry e = record.entry();
    AttributesBuilder b =
        Attributes.builder()
            .put(Keys.AUDIT_KIND, e.kind())
            .put(Keys.AUDIT_SEQ, record.seq())
            .put(Keys.AUDIT_HASH, record.hash())
            .put(Keys.AUDIT_PREV_HASH, record.prevHash())
            .put(Keys.REQUEST_ID, e.requestId())
            .put(Keys.MCP_METHOD, e.method())
            .put(Keys.DECISION, e.decision())
            .put(Keys.LATENCY_US, e.latencyMicros())
            .put(Keys.BYTES_IN, e.bytesIn());
    putIfSet(b, Keys.AGENT, e.agent());
    putIfSet(b, Keys.USER, e.user());
    putIfSet(b, Keys.PERSONA, e.persona());
    putIfSet(b, Keys.SERVER, e.server());
    putIfSet(b, Keys.TARGET, e.target());
    putIfSet(b, Keys.RULE, e.rule());
    putIfSet(b, Keys.UPSTREAM_ERROR, e.upstreamError());
    putIfSet(b, Keys.CLIENT_ADDRESS, e.clientAddress());
    if (!e.findings().isEmpty()) {
      List<String> findings = new ArrayList<>(e.findings().size());
      e.findings().forEach((type, n) -> findings.add(type + "=" + n));
      b.put(Keys.FINDINGS, findings);
    }
    if (e.completed()) {
      b.put(Keys.HTTP_STATUS, (long) e.httpStatus()).put(Keys.BYTES_OUT, e.bytesOut());
    }
    return b.build();
  }

  private static void putIfSet(
      AttributesBuilder b, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      b.put(key, value);
    }
  }
}
