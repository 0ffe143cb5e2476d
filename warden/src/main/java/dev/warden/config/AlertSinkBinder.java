package dev.warden.config;

import dev.warden.config.AlertsConfig.Format;
import dev.warden.config.AlertsConfig.Protocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code alerts.syslog} and {@code alerts.file}. */
final class AlertSinkBinder {
  private static final List<String> SYSLOG_KEYS =
      List.of("address", "format", "facility", "on", "timeout", "queue-size");
  private static final List<String> FILE_KEYS =
      List.of("path", "format", "on", "max-size", "keep", "queue-size");
  static final int DEFAULT_SYSLOG_PORT = 514;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Map<String, Integer> FACILITIES =
      Map.ofEntries(
          Map.entry("kern", 0),
          Map.entry("user", 1),
          Map.entry("mail", 2),
          Map.entry("daemon", 3),
          Map.entry("auth", 4),
          Map.entry("syslog", 5),
          Map.entry("lpr", 6),
          Map.entry("news", 7),
          Map.entry("uucp", 8),
          Map.entry("cron", 9),
          Map.entry("authpriv", 10),
          Map.entry("ftp", 11),
          Map.entry("local0", 16),
          Map.entry("local1", 17),
          Map.entry("local2", 18),
          Map.entry("local3", 19),
          Map.entry("local4", 20),
          Map.entry("local5", 21),
          Map.entry("local6", 22),
          Map.entry("local7", 23));

  private final Problems problems;
  private final AlertsBinder alerts;

  AlertSinkBinder(Problems problems, AlertsBinder alerts) {
    this.problems = problems;
    this.alerts = alerts;
  }

  Optional<AlertsConfig.Syslog> syslog(YamlNode.Mapping node) {
    Optional<Section> read = Section.of(node, problems, SYSLOG_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    if (s.value("address").isEmpty()) {
      s.missing("address", "is required: udp://HOST:PORT or tcp://HOST:PORT");
    }
    Optional<URI> address = s.plainScalar("address").flatMap(this::address);
    Format format = s.parsed("format", AlertSinkBinder::syslogFormat).orElse(Format.CEF);
    int facility =
        s.parsed("facility", AlertSinkBinder::facility).orElse(AlertsConfig.Syslog.LOCAL0);
    var on = alerts.events(s);
    Duration timeout = s.parsed("timeout", Durations::parse).orElse(DEFAULT_TIMEOUT);
    int queue = alerts.queueSize(s);
    return address.map(
        a ->
            new AlertsConfig.Syslog(
                Protocol.valueOf(a.getScheme().toUpperCase(Locale.ROOT)),
                a.getHost().replaceAll("^\\[|\\]$", ""),
                a.getPort() < 0 ? DEFAULT_SYSLOG_PORT : a.getPort(),
                format,
                facility,
                on,
                timeout,
                queue));
  }

  Optional<AlertsConfig.File> file(YamlNode.Mapping node) {
    Optional<Section> read = Section.of(node, problems, FILE_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    if (s.value("path").isEmpty()) {
      s.missing("path", "is required: the file alerts are appended to");
    }
    Optional<Path> path = s.parsed("path", AlertSinkBinder::path);
    Format format = s.parsed("format", AlertSinkBinder::fileFormat).orElse(Format.JSON);
    var on = alerts.events(s);
    long maxSize =
        s.parsed("max-size", ByteSizes::parse).orElse(AlertsConfig.File.DEFAULT_MAX_SIZE);
    int keep =
        s.parsed("keep", t -> AlertsBinder.whole(t, 1, 1000))
            .orElse(AlertsConfig.File.DEFAULT_KEEP);
    int queue = alerts.queueSize(s);
    return path.map(p -> new AlertsConfig.File(p, format, on, maxSize, keep, queue));
  }

  private Optional<URI> address(YamlNode.Scalar node) {
    try {
      URI uri = new URI(node.text().strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawUserInfo() == null;
      if ((scheme.equals("udp") || scheme.equals("tcp")) && uri.getHost() != null && bare) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(node, "must be udp://HOST:PORT or tcp://HOST:PORT, such as udp://127.0.0.1:514");
    return Optional.empty();
  }

  private static Format syslogFormat(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "cef" -> Format.CEF;
      case "json" -> Format.JSON;
      default -> throw new IllegalArgumentException("must be cef or json");
    };
  }

  private static Format fileFormat(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "cef" -> Format.CEF;
      case "jsonl" -> Format.JSON;
      default -> throw new IllegalArgumentException("must be jsonl or cef");
    };
  }

  private static int facility(String text) {
    Integer code = FACILITIES.get(text.strip().toLowerCase(Locale.ROOT));
    if (code == null) {
      throw new IllegalArgumentException(
          "must be a syslog facility such as local0 … local7, auth, authpriv, daemon or user");
    }
    return code;
  }

  private static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid file path");
    }
  }
}
