package dev.warden.audit.otel;

import dev.warden.audit.AuditObserver;
import dev.warden.config.ServerConfig;
import dev.warden.config.TelemetryConfig;
import dev.warden.mcp.UpstreamServer;
import dev.warden.pipeline.Stage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * OpenTelemetry export as the {@code telemetry:} section configures it: a tracer and a logger whose
 * batches go to an OTLP collector from background threads, through bounded queues, so a slow or
 * dead collector costs requests nothing (what does not fit is dropped). Closing flushes.
 */
public final class OtelExport implements AutoCloseable {
  private static final String SCOPE = "dev.warden";
  private static final int MAX_BATCH = 512;

  private final TelemetryConfig config;
  private final String version;
  private final Optional<SdkTracerProvider> tracing;
  private final Optional<SdkLoggerProvider> logging;

  private OtelExport(TelemetryConfig config, String version) {
    this.config = config;
    this.version = version;
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        config.serviceName(),
                        AttributeKey.stringKey("service.version"),
                        version)));
    this.tracing = config.traces() ? Optional.of(tracerProvider(resource)) : Optional.empty();
    this.logging = config.logs() ? Optional.of(loggerProvider(resource)) : Optional.empty();
  }

  /** The export {@code config} asks for, or empty when telemetry is off. */
  public static Optional<OtelExport> start(TelemetryConfig config, String version) {
    return config.active() ? Optional.of(new OtelExport(config, version)) : Optional.empty();
  }

  /** The outermost stage: {@code inner} inside a server span per request (or alone). */
  public Stage around(Stage inner) {
    return tracing.<Stage>map(p -> new TracingStage(p.get(SCOPE, version), inner)).orElse(inner);
  }

  /** Wraps each upstream so its calls are client spans that carry the trace context onwards. */
  public BiFunction<ServerConfig, UpstreamServer, UpstreamServer> upstreams() {
    return tracing
        .<BiFunction<ServerConfig, UpstreamServer, UpstreamServer>>map(
            p -> (config, upstream) -> new TracedUpstream(upstream, p.get(SCOPE, version), config))
        .orElse((config, upstream) -> upstream);
  }

  /** Exports each committed audit record as a log record (or nothing when logs are off). */
  public AuditObserver auditLogs() {
    return logging
        .<AuditObserver>map(p -> new AuditLogs(p.get(SCOPE + ".audit")))
        .orElse(AuditObserver.NONE);
  }

  private SdkTracerProvider tracerProvider(Resource resource) {
    String endpoint = endpoint("/v1/traces");
    SpanExporter exporter =
        switch (config.protocol()) {
          case GRPC -> {
            var b =
                OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).setTimeout(config.timeout());
            config.headers().forEach((k, v) -> b.addHeader(k, v.reveal()));
            yield b.build();
          }
          case HTTP_PROTOBUF -> {
            var b =
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(config.timeout());
            config.headers().forEach((k, v) -> b.addHeader(k, v.reveal()));
            yield b.build();
          }
        };
    return SdkTracerProvider.builder()
        .setResource(resource)
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
        .addSpanProcessor(
            BatchSpanProcessor.builder(exporter)
                .setScheduleDelay(config.exportInterval())
                .setMaxQueueSize(config.queueSize())
                .setMaxExportBatchSize(Math.min(MAX_BATCH, config.queueSize()))
                .setExporterTimeout(config.timeout())
                .build())
        .build();
  }

  private SdkLoggerProvider loggerProvider(Resource resource) {
    String endpoint = endpoint("/v1/logs");
    LogRecordExporter exporter =
        switch (config.protocol()) {
          case GRPC -> {
            var b =
                OtlpGrpcLogRecordExporter.builder()
                    .setEndpoint(endpoint)
                    .setTimeout(config.timeout());
            config.headers().forEach((k, v) -> b.addHeader(k, v.reveal()));
            yield b.build();
          }
          case HTTP_PROTOBUF -> {
            var b =
                OtlpHttpLogRecordExporter.builder()
                    .setEndpoint(endpoint)
                    .setTimeout(config.timeout());
            config.headers().forEach((k, v) -> b.addHeader(k, v.reveal()));
            yield b.build();
          }
        };
    return SdkLoggerProvider.builder()
        .setResource(resource)
        .addLogRecordProcessor(
            BatchLogRecordProcessor.builder(exporter)
                .setScheduleDelay(config.exportInterval())
                .setMaxQueueSize(config.queueSize())
                .setMaxExportBatchSize(Math.min(MAX_BATCH, config.queueSize()))
                .setExporterTimeout(config.timeout())
                .build())
        .build();
  }

  /** gRPC takes the collector's address; HTTP/protobuf one URL per signal under the base. */
  private String endpoint(String signalPath) {
    String base = config.endpoint().toString();
    if (config.protocol() == TelemetryConfig.Protocol.GRPC) {
      return base;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + signalPath;
  }

  /** Sends what is queued (waiting at most the export timeout), then stops the export threads. */
  @Override
  public void close() {
    List<CompletableResultCode> done =
        java.util.stream.Stream.concat(
                tracing.stream().map(SdkTracerProvider::shutdown),
                logging.stream().map(SdkLoggerProvider::shutdown))
            .toList();
    CompletableResultCode.ofAll(done)
        .join(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
  }
}
