package dev.warden.config;

/** The {@code alerts:} section: where denials and detections are pushed (webhooks, SIEM sinks). */
public record AlertsConfig() {
  /** No alert sinks (the default). */
  public static final AlertsConfig NONE = new AlertsConfig();
}
