package dev.warden.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code alerts:} section: where denials, detections and errors are pushed (webhooks, syslog, a
 * JSON-lines or CEF file).
 *
 * @param webhooks HTTPS endpoints that receive each alert as signed JSON
 * @param syslog a syslog collector (RFC 5424 over UDP or TCP)
 * @param file a local file a SIEM agent tails
 * @param drainTimeout how long shutdown waits for queued alerts to go out
 */
public record AlertsConfig(
    List<Webhook> webhooks, Optional<Syslog> syslog, Optional<File> file, Duration drainTimeout) {

  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_QUEUE_SIZE = 1000;

  /** No alert sinks (the default). */
  public static final AlertsConfig NONE =
      new AlertsConfig(List.of(), Optional.empty(), Optional.empty(), DEFAULT_DRAIN_TIMEOUT);

  public AlertsConfig {
    webhooks = List.copyOf(webhooks);
  }

  /** Whether no sink is configured. */
  public boolean isEmpty() {
    return webhooks.isEmpty() && syslog.isEmpty() && file.isEmpty();
  }

  /** What an alert is about; a sink's {@code on:} list selects the ones it receives. */
  public enum Event {
    /** A request refused by policy (persona scope, sensitive data, authentication, ...). */
    DENIED,
    /** Sensitive values were found in the request or the answer. */
    DETECTION,
    /** The request failed: an upstream error, or a JSON-RPC error answered by the gateway. */
    ERROR;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static final Set<Event> ALL = Set.copyOf(EnumSet.allOf(Event.class));
  }

  /** How an alert is written as text. */
  public enum Format {
    /** One JSON object (the webhook payload). */
    JSON,
    /** ArcSight Common Event Format. */
    CEF
  }

  /**
   * One webhook.
   *
   * @param id names the sink in metrics and logs
   * @param url where alerts are posted; a {@link Secret} because some receivers put a token in the
   *     path, so it may come from {@code ${env:…}} and is never logged
   * @param secret HMAC-SHA256 key for the {@code X-Warden-Signature} header
   * @param timeout per attempt, connect included
   * @param maxAttempts attempts per alert, the first included
   * @param backoff the wait before the first retry; it doubles with each retry, with jitter
   * @param maxBackoff the longest wait between attempts, {@code Retry-After} included
   * @param headers extra request headers (literal or {@code ${env:…}})
   * @param queueSize alerts held while the receiver is slow or down; past it the oldest is dropped
   */
  public record Webhook(
      String id,
      Secret url,
      Secret secret,
      Set<Event> on,
      Duration timeout,
      int maxAttempts,
      Duration backoff,
      Duration maxBackoff,
      Map<String, Secret> headers,
      int queueSize) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

    public Webhook {
      on = Set.copyOf(on);
      headers = Map.copyOf(headers);
    }

    /** A webhook with every default, for {@code events}. */
    public static Webhook of(String id, Secret url, Secret secret, Set<Event> on) {
      return new Webhook(
          id,
          url,
          secret,
          on,
          DEFAULT_TIMEOUT,
          DEFAULT_MAX_ATTEMPTS,
          DEFAULT_BACKOFF,
          DEFAULT_MAX_BACKOFF,
          Map.of(),
          DEFAULT_QUEUE_SIZE);
    }
  }

  /** UDP or TCP (octet-counting framing, RFC 6587). */
  public enum Protocol {
    UDP,
    TCP
  }

  /**
   * A syslog collector.
   *
   * @param facility the RFC 5424 facility number (0-23; local0 is 16)
   * @param timeout TCP connect and write timeout
   */
  public record Syslog(
      Protocol protocol,
      String host,
      int port,
      Format format,
      int facility,
      Set<Event> on,
      Duration timeout,
      int queueSize) {
    public static final int LOCAL0 = 16;

    public Syslog {
      on = Set.copyOf(on);
    }
  }

  /**
   * A file of one alert per line, rotated by size: {@code path} is renamed to {@code path.1} (and
   * older ones shifted up to {@code path.<keep>}) once the next line would pass {@code maxSize}.
   */
  public record File(
      Path path, Format format, Set<Event> on, long maxSize, int keep, int queueSize) {
    public static final long DEFAULT_MAX_SIZE = 100L << 20;
    public static final int DEFAULT_KEEP = 5;

    public File {
      on = Set.copyOf(on);
    }
  }

  /** The same settings with {@code hooks} as the webhooks. */
  public AlertsConfig withWebhooks(List<Webhook> hooks) {
    return new AlertsConfig(hooks, syslog, file, drainTimeout);
  }

  /** The same settings with a syslog collector. */
  public AlertsConfig withSyslog(Syslog newSyslog) {
    return new AlertsConfig(webhooks, Optional.of(newSyslog), file, drainTimeout);
  }

  /** The same settings with an alert file. */
  public AlertsConfig withFile(File newFile) {
    return new AlertsConfig(webhooks, syslog, Optional.of(newFile), drainTimeout);
  }
}
