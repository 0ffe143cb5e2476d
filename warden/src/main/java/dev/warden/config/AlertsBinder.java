package dev.warden.config;

import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the {@code alerts:} section; syslog and file sinks are read by {@link AlertSinkBinder}. */
final class AlertsBinder {
  private static final List<String> KEYS = List.of("webhooks", "syslog", "file", "drain-timeout");
  private static final List<String> WEBHOOK_KEYS =
      List.of(
          "id",
          "url",
          "secret",
          "on",
          "timeout",
          "max-attempts",
          "backoff",
          "max-backoff",
          "headers",
          "queue-size");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> RESERVED_HEADERS =
      Set.of("content-type", "content-length", "host", "transfer-encoding", "user-agent");
  static final int MIN_SECRET_LENGTH = 16;
  static final int MAX_QUEUE = 1_000_000;
  private static final String SECRET_ADVICE = "put the signing secret in ${env:…} or ${file:…}";
  private static final String EVENTS = "denied, detection, error";

  private final Problems problems;
  private final SecretResolver secrets;
  private final UniqueIds ids;

  AlertsBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
    this.ids = new UniqueIds(problems);
  }

  AlertsConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return AlertsConfig.NONE;
    }
    return Section.of(node.get(), problems, KEYS).map(this::bind).orElse(AlertsConfig.NONE);
  }

  private AlertsConfig bind(Section s) {
    List<Webhook> hooks = new ArrayList<>();
    s.sequence("webhooks")
        .ifPresent(
            seq -> {
              for (int i = 0; i < seq.items().size(); i++) {
                webhook(seq.items().get(i), i + 1).ifPresent(hooks::add);
              }
            });
    AlertSinkBinder sinks = new AlertSinkBinder(problems, this);
    return new AlertsConfig(
        hooks,
        s.mapping("syslog").flatMap(sinks::syslog),
        s.mapping("file").flatMap(sinks::file),
        s.parsed("drain-timeout", Durations::parse).orElse(AlertsConfig.DEFAULT_DRAIN_TIMEOUT));
  }

  private Optional<Webhook> webhook(YamlNode node, int number) {
    Optional<Section> read = Section.of(node, problems, WEBHOOK_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id =
        s.value("id").isPresent() ? ids.read(s) : Optional.of("webhook-" + number);
    if (s.value("url").isEmpty()) {
      s.missing("url", "is required: the https:// address alerts are posted to");
    }
    Optional<Secret> url = s.value("url").flatMap(secrets::value).filter(u -> httpUrl(s, u));
    if (s.value("secret").isEmpty()) {
      s.missing(
          "secret",
          "is required: receivers check each alert's signature with it; " + SECRET_ADVICE);
    }
    Optional<Secret> secret =
        s.value("secret")
            .flatMap(n -> secrets.reference(n, SECRET_ADVICE))
            .filter(
                v -> {
                  if (v.reveal().length() >= MIN_SECRET_LENGTH) {
                    return true;
                  }
                  problems.add(
                      s.value("secret").orElseThrow(),
                      "is shorter than "
                          + MIN_SECRET_LENGTH
                          + " characters; use 32 random bytes or more");
                  return false;
                });
    Set<Event> on = events(s);
    Duration timeout = s.parsed("timeout", Durations::parse).orElse(Webhook.DEFAULT_TIMEOUT);
    int attempts =
        s.parsed("max-attempts", t -> whole(t, 1, 100)).orElse(Webhook.DEFAULT_MAX_ATTEMPTS);
    Duration backoff = s.parsed("backoff", Durations::parse).orElse(Webhook.DEFAULT_BACKOFF);
    Duration maxBackoff =
        s.parsed("max-backoff", Durations::parse).orElse(Webhook.DEFAULT_MAX_BACKOFF);
    if (maxBackoff.compareTo(backoff) < 0) {
      s.missing("max-backoff", "must not be shorter than backoff (" + backoff + ")");
    }
    Map<String, Secret> headers = headers(s);
    int queue = queueSize(s);
    if (id.isEmpty() || url.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Webhook(
            id.get(),
            url.get(),
            secret.get(),
            on,
            timeout,
            attempts,
            backoff,
            maxBackoff,
            headers,
            queue));
  }

  /** The {@code on:} list; every event when absent. */
  Set<Event> events(Section s) {
    if (s.value("on").isEmpty()) {
      return Event.ALL;
    }
    Set<Event> on = EnumSet.noneOf(Event.class);
    for (YamlNode.Scalar item : s.scalars("on")) {
      try {
        on.add(Event.valueOf(item.text().strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(item, "'" + item.text() + "' is not an event; expected one of: " + EVENTS);
      }
    }
    if (s.isEmptyList("on")) {
      s.missing("on", "must name at least one of: " + EVENTS + " (or leave it out for all)");
    }
    return on;
  }

  int queueSize(Section s) {
    return s.parsed("queue-size", t -> whole(t, 1, MAX_QUEUE))
        .orElse(AlertsConfig.DEFAULT_QUEUE_SIZE);
  }

  static int whole(String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
  }

  /** The URL may hold a token, so it is never echoed, and user:password is refused. */
  private boolean httpUrl(Section s, Secret url) {
    YamlNode node = s.value("url").orElseThrow();
    try {
      URI uri = new URI(url.reveal());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        if (uri.getRawUserInfo() != null) {
          problems.add(node, "must not hold credentials; put them in headers with ${env:…}");
          return false;
        }
        return true;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(node, "must be an absolute http:// or https:// URL");
    return false;
  }

  private Map<String, Secret> headers(Section s) {
    Map<String, Secret> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    List<YamlNode.Entry> entries =
        s.mapping("headers").map(m -> List.copyOf(m.entries().values())).orElse(List.of());
    for (YamlNode.Entry entry : entries) {
      String lower = entry.key().toLowerCase(Locale.ROOT);
      if (!HEADER_NAME.matcher(entry.key()).matches()) {
        problems.addAtKey(entry, "is not a valid header name (letters, digits, !#$%&'*+-.^_`|~)");
      } else if (RESERVED_HEADERS.contains(lower) || lower.startsWith("x-warden-")) {
        problems.addAtKey(entry, "is set by Warden itself and cannot be configured");
      } else if (!seen.add(lower)) {
        problems.addAtKey(entry, "is set twice (header names ignore case)");
      }
      secrets
          .value(entry.value())
          .ifPresent(
              v -> {
                if (v.reveal().matches("(?s).*[\r\n\0].*")) {
                  problems.add(entry.value(), "must not contain line breaks or NUL characters");
                } else {
                  headers.put(entry.key(), v);
                }
              });
    }
    return headers;
  }
}
