package dev.warden.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree into a {@link WardenConfig}: the top-level keys, limits and admin here, the
 * three lists in their own binders. Every problem is recorded; the result is only used when none
 * were found.
 */
final class ConfigBinder {
  private static final List<String> KEYS =
      List.of(
          "listen",
          "allowed-origins",
          "limits",
          "admin",
          "storage",
          "audit",
          "servers",
          "personas",
          "agents",
          "data-protection",
          "detectors",
          "telemetry",
          "alerts",
          "sessions");
  private static final List<String> LIMIT_KEYS =
      List.of(
          "max-body",
          "max-json-depth",
          "session-idle-timeout",
          "stream-keep-alive",
          "connection-threads",
          "event-loops");
  private static final List<String> ADMIN_KEYS = List.of("listen", "tokens");
  private static final int MAX_JSON_DEPTH = 1000;
  private static final int MAX_CONNECTION_THREADS = 10_000;
  private static final int MAX_EVENT_LOOPS = 256;
  private static final Pattern STORAGE = Pattern.compile("(sqlite:|postgresql://).+");
  private static final String TOKEN_ADVICE = "put the token in ${env:…} or ${file:…}";

  private final Problems problems;
  private final SecretResolver secrets;

  ConfigBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  WardenConfig bind(YamlNode.Mapping root, Path source) {
    Section top = Section.of(root, problems, KEYS).orElseThrow();
    HostPort listen = top.parsed("listen", HostPort::parse).orElse(WardenConfig.DEFAULT_LISTEN);
    List<String> origins = origins(top);
    Limits limits = top.value("limits").flatMap(this::limits).orElse(Limits.DEFAULTS);
    AdminConfig admin =
        top.value("admin")
            .flatMap(this::admin)
            .orElse(new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of()));
    checkListenersDiffer(top, listen, admin.listen());
    String storage = storage(top);
    AuditConfig audit = new AuditBinder(problems, secrets).bind(top.value("audit"));
    if (!top.isWritten("servers")) {
      top.missing("servers", "is required (write servers: [] for none)");
    }
    List<ServerConfig> servers = list(top, "servers", new ServerBinder(problems, secrets)::bind);
    Set<String> serverIds =
        servers.stream().map(ServerConfig::id).collect(java.util.stream.Collectors.toSet());
    PersonaBinder personaBinder = new PersonaBinder(problems, serverIds);
    List<PersonaConfig> personas = list(top, "personas", personaBinder::bind);
    AgentBinder agentBinder = new AgentBinder(problems, secrets, personaBinder.ids());
    List<AgentConfig> agents = list(top, "agents", agentBinder::bind);
    DataProtectionConfig dataProtection =
        top.value("data-protection")
            .flatMap(
                new DataProtectionBinder(problems, secrets, personaBinder.ids(), serverIds)::bind)
            .orElse(DataProtectionConfig.DEFAULT);
    List<DetectorConfig> detectors = list(top, "detectors", new DetectorBinder(problems)::bind);
    return new WardenConfig(
        source,
        listen,
        admin,
        storage,
        audit,
        limits,
        origins,
        servers,
        personas,
        agents,
        dataProtection,
        detectors,
        new TelemetryBinder(problems, secrets).bind(top.value("telemetry")),
        new AlertsBinder(problems, secrets).bind(top.value("alerts")),
        new SessionsBinder(problems, secrets).bind(top.value("sessions")));
  }

  /**
   * Only what the audit commands need (storage and audit), so they run where the gateway's other
   * secrets, such as agent keys, are not in the environment.
   */
  WardenConfig bindStorage(YamlNode.Mapping root, Path source) {
    Section top = Section.of(root, problems, KEYS).orElseThrow();
    String storage = storage(top);
    AuditConfig audit = new AuditBinder(problems, secrets).bind(top.value("audit"));
    return new WardenConfig(
        source,
        WardenConfig.DEFAULT_LISTEN,
        new AdminConfig(AdminConfig.DEFAULT_LISTEN, List.of()),
        storage,
        audit,
        Limits.DEFAULTS,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        DataProtectionConfig.DEFAULT,
        List.of(),
        TelemetryConfig.DISABLED,
        AlertsConfig.NONE);
  }

  private static <T> List<T> list(
      Section top, String key, Function<YamlNode, Optional<T>> bindItem) {
    List<T> out = new ArrayList<>();
    top.sequence(key)
        .ifPresent(seq -> seq.items().forEach(i -> bindItem.apply(i).ifPresent(out::add)));
    return out;
  }

  private Optional<Limits> limits(YamlNode node) {
    return Section.of(node, problems, LIMIT_KEYS)
        .map(
            s -> {
              Limits d = Limits.DEFAULTS;
              long maxBody = s.parsed("max-body", ByteSizes::parse).orElse(d.maxBodyBytes());
              int maxDepth =
                  s.parsed("max-json-depth", ConfigBinder::depth).orElse(d.maxJsonDepth());
              Duration idle =
                  s.parsed("session-idle-timeout", Durations::parse).orElse(d.sessionIdleTimeout());
              Duration keepAlive =
                  s.parsed("stream-keep-alive", Durations::parse).orElse(d.streamKeepAlive());
              int threads =
                  s.parsed("connection-threads", ConfigBinder::connectionThreads)
                      .orElse(d.connectionThreads());
              int loops = s.parsed("event-loops", ConfigBinder::eventLoops).orElse(d.eventLoops());
              return new Limits(maxBody, maxDepth, idle, keepAlive, threads, loops);
            });
  }

  private static int depth(String text) {
    return wholeNumber(text, 1, MAX_JSON_DEPTH);
  }

  private static int connectionThreads(String text) {
    return wholeNumber(text, 0, MAX_CONNECTION_THREADS);
  }

  private static int eventLoops(String text) {
    return wholeNumber(text, 0, MAX_EVENT_LOOPS);
  }

  private static int wholeNumber(String text, int min, int max) {
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

  private Optional<AdminConfig> admin(YamlNode node) {
    return Section.of(node, problems, ADMIN_KEYS)
        .map(
            s -> {
              HostPort listen =
                  s.parsed("listen", HostPort::parse).orElse(AdminConfig.DEFAULT_LISTEN);
              List<Secret> tokens = new ArrayList<>();
              for (YamlNode token :
                  s.sequence("tokens").map(YamlNode.Sequence::items).orElse(List.of())) {
                secrets.reference(token, TOKEN_ADVICE).ifPresent(tokens::add);
              }
              return new AdminConfig(listen, tokens);
            });
  }

  /** Both listeners on one port would put the admin API where agents connect. */
  private void checkListenersDiffer(Section top, HostPort listen, HostPort adminListen) {
    if (!adminListen.equals(listen) || listen.port() == 0) {
      return;
    }
    Optional<YamlNode> adminNode = top.value("admin");
    if (adminNode.orElse(null) instanceof YamlNode.Mapping admin
        && admin.entries().containsKey("listen")) {
      problems.add(
          admin.entries().get("listen").value(), "must differ from listen (" + listen + ")");
    } else {
      top.missing("listen", "must differ from admin.listen (" + adminListen + ")");
    }
  }

  private String storage(Section top) {
    Optional<YamlNode.Scalar> node = top.plainScalar("storage");
    if (node.isEmpty()) {
      return WardenConfig.DEFAULT_STORAGE;
    }
    String text = node.get().text();
    if (STORAGE.matcher(text).matches()) {
      return text;
    }
    problems.add(node.get(), "must start with sqlite: or postgresql://");
    return WardenConfig.DEFAULT_STORAGE;
  }

  /** Browser Origins are compared whole, so only scheme://host[:port] can ever match. */
  private List<String> origins(Section top) {
    List<String> origins = new ArrayList<>();
    for (YamlNode.Scalar node : top.scalars("allowed-origins")) {
      if (node.text().equals("*") || isOrigin(node.text())) {
        origins.add(node.text());
      } else {
        problems.add(
            node,
            "'"
                + node.text()
                + "' is not an origin; expected scheme://host[:port] such as"
                + " https://console.example.com, or *");
      }
    }
    return origins;
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null
          && uri.getScheme().matches("(?i)https?")
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
