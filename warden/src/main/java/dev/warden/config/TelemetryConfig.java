package dev.warden.config;

/** The {@code telemetry:} section: OpenTelemetry export of spans and audit log records. */
public record TelemetryConfig() {
  /** No export (the default). */
  public static final TelemetryConfig DISABLED = new TelemetryConfig();
}
