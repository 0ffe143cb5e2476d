package dev.warden.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole, validated configuration. Produced by {@link ConfigLoader}; everything in it has been
 * checked (ids unique and well-formed, references resolved, secrets read).
 *
 * @param source the file it came from, or null for a configuration built in code (the demo)
 * @param allowedOrigins browser Origins allowed besides loopback ones; "*" allows any
 * @param dataProtection sensitive-data rules and server trust ({@link DataProtectionConfig#DEFAULT}
 *     when the section is absent)
 * @param detectors custom sensitive-data detectors, added to the built-in catalogue
 * @param telemetry OpenTelemetry export ({@link TelemetryConfig#DISABLED} when absent)
 * @param alerts alert sinks ({@link AlertsConfig#NONE} when absent)
 * @param sessions session id sealing keys ({@link SessionsConfig#DEFAULT} when absent)
 */
public record WardenConfig(
    Path source,
    HostPort listen,
    AdminConfig admin,
    String storage,
    AuditConfig audit,
    Limits limits,
    List<String> allowedOrigins,
    List<ServerConfig> servers,
    List<PersonaConfig> personas,
    List<AgentConfig> agents,
    DataProtectionConfig dataProtection,
    List<DetectorConfig> detectors,
    TelemetryConfig telemetry,
    AlertsConfig alerts,
    SessionsConfig sessions) {

  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8080);
  public static final String DEFAULT_STORAGE = "sqlite:./warden-data/warden.db";

  public WardenConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
    servers = List.copyOf(servers);
    personas = List.copyOf(personas);
    agents = List.copyOf(agents);
    detectors = List.copyOf(detectors);
  }

  /** A configuration without a {@code sessions:} section. */
  public WardenConfig(
      Path source,
      HostPort listen,
      AdminConfig admin,
      String storage,
      AuditConfig audit,
      Limits limits,
      List<String> allowedOrigins,
      List<ServerConfig> servers,
      List<PersonaConfig> personas,
      List<AgentConfig> agents,
      DataProtectionConfig dataProtection,
      List<DetectorConfig> detectors,
      TelemetryConfig telemetry,
      AlertsConfig alerts) {
    this(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        allowedOrigins,
        servers,
        personas,
        agents,
        dataProtection,
        detectors,
        telemetry,
        alerts,
        SessionsConfig.DEFAULT);
  }

  /** A configuration without custom detectors. */
  public WardenConfig(
      Path source,
      HostPort listen,
      AdminConfig admin,
      String storage,
      AuditConfig audit,
      Limits limits,
      List<String> allowedOrigins,
      List<ServerConfig> servers,
      List<PersonaConfig> personas,
      List<AgentConfig> agents,
      DataProtectionConfig dataProtection) {
    this(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        allowedOrigins,
        servers,
        personas,
        agents,
        dataProtection,
        List.of(),
        TelemetryConfig.DISABLED,
        AlertsConfig.NONE);
  }

  /** The same configuration with {@code newTelemetry}. */
  public WardenConfig withTelemetry(TelemetryConfig newTelemetry) {
    return new WardenConfig(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        allowedOrigins,
        servers,
        personas,
        agents,
        dataProtection,
        detectors,
        newTelemetry,
        alerts,
        sessions);
  }

  /** The same configuration with {@code newAlerts}. */
  public WardenConfig withAlerts(AlertsConfig newAlerts) {
    return new WardenConfig(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        allowedOrigins,
        servers,
        personas,
        agents,
        dataProtection,
        detectors,
        telemetry,
        newAlerts,
        sessions);
  }

  /** The same configuration with {@code newSessions}. */
  public WardenConfig withSessions(SessionsConfig newSessions) {
    return new WardenConfig(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        allowedOrigins,
        servers,
        personas,
        agents,
        dataProtection,
        detectors,
        telemetry,
        alerts,
        newSessions);
  }
}
