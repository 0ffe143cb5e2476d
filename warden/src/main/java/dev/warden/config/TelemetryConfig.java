package dev.warden.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code telemetry:} section: OpenTelemetry export of spans and audit log records over OTLP.
 * Off unless the section is written.
 *
 * @param enabled whether anything is exported (true once the section is written)
 * @param endpoint the collector: {@code http://host:4317} for gRPC, the base URL (without {@code
 *     /v1/traces}) for HTTP/protobuf
 * @param protocol how spans and logs travel to the collector
 * @param headers sent with every export (for example a collector token, through {@code ${env:…}})
 * @param timeout how long one export may take before it is given up
 * @param serviceName the {@code service.name} resource attribute
 * @param traces whether a span tree is exported for every request
 * @param logs whether every audit record is exported as a log record
 * @param sampleRatio share of new traces that are sampled, 0 to 1; a sampled parent from the agent
 *     is always followed
 * @param exportInterval how often batches are sent
 * @param queueSize spans (and, separately, log records) held for export at most; more are dropped
 */
public record TelemetryConfig(
    boolean enabled,
    URI endpoint,
    Protocol protocol,
    Map<String, Secret> headers,
    Duration timeout,
    String serviceName,
    boolean traces,
    boolean logs,
    double sampleRatio,
    Duration exportInterval,
    int queueSize) {

  /** OTLP transports. */
  public enum Protocol {
    GRPC("grpc", 4317),
    HTTP_PROTOBUF("http/protobuf", 4318);

    private final String key;
    private final int defaultPort;

    Protocol(String key, int defaultPort) {
      this.key = key;
      this.defaultPort = defaultPort;
    }

    public String key() {
      return key;
    }

    /** The collector on this machine at the protocol's usual port. */
    public URI defaultEndpoint() {
      return URI.create("http://127.0.0.1:" + defaultPort);
    }
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_EXPORT_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_QUEUE_SIZE = 2048;

  /** No export (the default). */
  public static final TelemetryConfig DISABLED =
      new TelemetryConfig(
          false,
          Protocol.GRPC.defaultEndpoint(),
          Protocol.GRPC,
          Map.of(),
          DEFAULT_TIMEOUT,
          "warden",
          true,
          true,
          1.0,
          DEFAULT_EXPORT_INTERVAL,
          DEFAULT_QUEUE_SIZE);

  public TelemetryConfig {
    headers = Map.copyOf(headers);
  }

  /** Whether anything at all is exported. */
  public boolean active() {
    return enabled && (traces || logs);
  }
}
