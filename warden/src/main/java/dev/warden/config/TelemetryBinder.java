package dev.warden.config;

import dev.warden.config.TelemetryConfig.Protocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds the {@code telemetry:} section. */
final class TelemetryBinder {
  private static final List<String> KEYS =
      List.of(
          "enabled",
          "otlp",
          "service-name",
          "traces",
          "logs",
          "sample-ratio",
          "export-interval",
          "queue-size");
  private static final List<String> OTLP_KEYS =
      List.of("endpoint", "protocol", "headers", "timeout");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final int MAX_QUEUE = 1_000_000;

  private final Problems problems;
  private final SecretResolver secrets;

  TelemetryBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  TelemetryConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return TelemetryConfig.DISABLED;
    }
    return Section.of(node.get(), problems, KEYS).map(this::bind).orElse(TelemetryConfig.DISABLED);
  }

  private TelemetryConfig bind(Section s) {
    TelemetryConfig d = TelemetryConfig.DISABLED;
    boolean enabled = s.parsed("enabled", TelemetryBinder::bool).orElse(true);
    Optional<Section> otlp = s.mapping("otlp").flatMap(m -> Section.of(m, problems, OTLP_KEYS));
    Protocol protocol =
        otlp.flatMap(o -> o.parsed("protocol", TelemetryBinder::protocol)).orElse(Protocol.GRPC);
    URI endpoint =
        otlp.flatMap(o -> o.parsed("endpoint", TelemetryBinder::endpoint))
            .orElse(protocol.defaultEndpoint());
    Map<String, Secret> headers = otlp.map(this::headers).orElse(Map.of());
    Duration timeout =
        otlp.flatMap(o -> o.parsed("timeout", Durations::parse))
            .orElse(TelemetryConfig.DEFAULT_TIMEOUT);
    String serviceName =
        s.parsed("service-name", TelemetryBinder::serviceName).orElse(d.serviceName());
    boolean traces = s.parsed("traces", TelemetryBinder::bool).orElse(true);
    boolean logs = s.parsed("logs", TelemetryBinder::bool).orElse(true);
    double ratio = s.parsed("sample-ratio", TelemetryBinder::ratio).orElse(1.0);
    Duration interval =
        s.parsed("export-interval", Durations::parse)
            .orElse(TelemetryConfig.DEFAULT_EXPORT_INTERVAL);
    int queue =
        s.parsed("queue-size", TelemetryBinder::queueSize)
            .orElse(TelemetryConfig.DEFAULT_QUEUE_SIZE);
    return new TelemetryConfig(
        enabled,
        endpoint,
        protocol,
        headers,
        timeout,
        serviceName,
        traces,
        logs,
        ratio,
        interval,
        queue);
  }

  private Map<String, Secret> headers(Section otlp) {
    Map<String, Secret> headers = new LinkedHashMap<>();
    List<YamlNode.Entry> entries =
        otlp.mapping("headers").map(m -> List.copyOf(m.entries().values())).orElse(List.of());
    for (YamlNode.Entry entry : entries) {
      String name = entry.key();
      if (!HEADER_NAME.matcher(name).matches()) {
        problems.addAtKey(entry, "is not a valid header name (letters, digits, !#$%&'*+-.^_`|~)");
        continue;
      }
      secrets
          .value(entry.value())
          .ifPresent(
              v -> {
                if (v.reveal().matches("(?s).*[\r\n\0].*")) {
                  problems.add(entry.value(), "must not contain line breaks or NUL characters");
                } else {
                  headers.put(name, v);
                }
              });
    }
    return headers;
  }

  /** The collector's address is not secret, so it may not carry credentials either. */
  private static URI endpoint(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        if (uri.getRawUserInfo() != null) {
          throw new IllegalArgumentException(
              "must not hold credentials; put them in otlp.headers with ${env:…}");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new IllegalArgumentException("must not have a query or fragment");
        }
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "must be an absolute http:// or https:// URL such as http://127.0.0.1:4317");
  }

  private static Protocol protocol(String text) {
    for (Protocol p : Protocol.values()) {
      if (p.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("must be grpc or http/protobuf");
  }

  private static boolean bool(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static double ratio(String text) {
    try {
      double r = Double.parseDouble(text.strip());
      if (r >= 0 && r <= 1) {
        return r;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException("must be a number from 0 to 1, such as 0.25");
  }

  private static int queueSize(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n > 0 && n <= MAX_QUEUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException("must be a whole number from 1 to " + MAX_QUEUE);
  }

  private static String serviceName(String text) {
    String name = text.strip();
    if (name.isEmpty() || name.length() > 255 || !name.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("must be 1 to 255 printable ASCII characters, no spaces");
    }
    return name;
  }
}
