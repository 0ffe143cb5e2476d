package dev.warden.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code servers:}. Which transports are supported is checked elsewhere. */
final class ServerBinder {
  private static final List<String> KEYS =
      List.of(
          "id",
          "transport",
          "url",
          "headers",
          "command",
          "env",
          "timeout",
          "connect-timeout",
          "labels",
          "start",
          "pool",
          "stateless",
          "protocol");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String TRANSPORTS = "streamable-http, sse, stdio, openapi";

  private final Problems problems;
  private final SecretResolver secrets;
  private final UniqueIds ids;

  ServerBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
    this.ids = new UniqueIds(problems);
  }

  Optional<ServerConfig> bind(YamlNode node) {
    Optional<Section> read = Section.of(node, problems, KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id = ids.read(s);
    Optional<Transport> transport = transport(s);
    boolean stdio = transport.equals(Optional.of(Transport.STDIO));
    Optional<URI> url = transport.flatMap(t -> url(s, t));
    List<String> command = transport.map(t -> command(s, t)).orElse(List.of());
    if (stdio) {
      s.forbid("headers", "is not used by transport stdio (there is no HTTP request)");
    } else if (transport.isPresent()) {
      s.forbid("env", "is only used by transport stdio");
    }
    Map<String, Secret> headers = headers(s);
    Map<String, Secret> env = env(s);
    Duration timeout = s.parsed("timeout", Durations::parse).orElse(ServerConfig.DEFAULT_TIMEOUT);
    Duration connectTimeout =
        s.parsed("connect-timeout", Durations::parse).orElse(ServerConfig.DEFAULT_CONNECT_TIMEOUT);
    List<String> labels = labels(s);
    ProcessOptions process = stdio ? process(s) : ProcessOptions.DEFAULT;
    if (!stdio && transport.isPresent()) {
      for (String key : List.of("start", "pool", "stateless")) {
        s.forbid(key, "is only used by transport stdio");
      }
    }
    UpstreamProtocol protocol = protocol(s, transport);
    if (id.isEmpty() || transport.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ServerConfig(
            id.get(),
            transport.get(),
            url.orElse(null),
            headers,
            command,
            env,
            timeout,
            connectTimeout,
            labels,
            process,
            protocol));
  }

  /** protocol: which era a streamable-http server speaks; the stateful one unless told. */
  private UpstreamProtocol protocol(Section s, Optional<Transport> transport) {
    if (transport.isPresent() && transport.get() != Transport.STREAMABLE_HTTP) {
      s.forbid("protocol", "is only used by transport streamable-http");
      return UpstreamProtocol.STATEFUL;
    }
    return s.parsed("protocol", ServerBinder::protocol).orElse(UpstreamProtocol.STATEFUL);
  }

  private static UpstreamProtocol protocol(String text) {
    try {
      return UpstreamProtocol.fromKey(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be auto, 2025-11-25 or 2026-07-28");
    }
  }

  /** start, pool and stateless: how a stdio server's processes run. */
  private ProcessOptions process(Section s) {
    ProcessOptions d = ProcessOptions.DEFAULT;
    ProcessOptions.Start start = s.parsed("start", ServerBinder::start).orElse(d.start());
    boolean stateless = s.parsed("stateless", ServerBinder::bool).orElse(d.stateless());
    int pool = s.parsed("pool", ServerBinder::pool).orElse(d.pool());
    if (pool > 1 && !stateless) {
      s.plainScalar("pool")
          .ifPresent(
              node ->
                  problems.add(
                      node,
                      "needs stateless: true (each process holds its own MCP session, so a"
                          + " stateful server cannot be spread over several)"));
      pool = 1;
    }
    return new ProcessOptions(start, pool, stateless);
  }

  private static ProcessOptions.Start start(String text) {
    return switch (text.strip()) {
      case "lazy" -> ProcessOptions.Start.LAZY;
      case "boot" -> ProcessOptions.Start.BOOT;
      default -> throw new IllegalArgumentException("must be lazy or boot");
    };
  }

  private static boolean bool(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static int pool(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1 && n <= 64) {
        return n;
      }
    } catch (NumberFormatException e) {
      // one message below
    }
    throw new IllegalArgumentException("must be a whole number from 1 to 64");
  }

  /** Trust labels; data-protection.trust.order ranks them. */
  private List<String> labels(Section s) {
    List<String> labels = new java.util.ArrayList<>();
    for (YamlNode.Scalar label : s.scalars("labels")) {
      if (LABEL.matcher(label.text()).matches()) {
        labels.add(label.text());
      } else {
        problems.add(label, "'" + label.text() + "' is not a valid label: a-z, 0-9 and '-'");
      }
    }
    return labels;
  }

  private Optional<Transport> transport(Section s) {
    if (s.value("transport").isEmpty()) {
      s.missing("transport", "is required: one of " + TRANSPORTS);
    }
    return s.plainScalar("transport")
        .flatMap(
            node -> {
              try {
                return Optional.of(Transport.fromKey(node.text()));
              } catch (IllegalArgumentException e) {
                problems.add(node, "must be one of " + TRANSPORTS + ", not '" + node.text() + "'");
                return Optional.empty();
              }
            });
  }

  private Optional<URI> url(Section s, Transport transport) {
    if (transport == Transport.STDIO) {
      s.forbid("url", "is not used by transport stdio; give command: instead");
      return Optional.empty();
    }
    if (s.value("url").isEmpty()) {
      s.missing("url", "is required for transport " + transport.key());
    }
    return s.plainScalar("url").flatMap(node -> httpUrl(node));
  }

  /** The URL is not a secret field, so it is neither echoed nor allowed to carry credentials. */
  private Optional<URI> httpUrl(YamlNode.Scalar node) {
    try {
      URI uri = new URI(node.text());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        if (uri.getRawUserInfo() != null) {
          problems.add(node, "must not hold credentials; put them in headers with ${env:…}");
          return Optional.empty();
        }
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below, with the same advice as for a relative URL
    }
    problems.add(node, "must be an absolute http:// or https:// URL");
    return Optional.empty();
  }

  private List<String> command(Section s, Transport transport) {
    if (transport != Transport.STDIO) {
      s.forbid("command", "is only used by transport stdio");
      return List.of();
    }
    Optional<YamlNode> node = s.value("command");
    if (node.isEmpty()) {
      s.missing("command", "is required for transport stdio: an argument array like [node, a.js]");
      return List.of();
    }
    if (node.get() instanceof YamlNode.Scalar) {
      problems.add(node.get(), "must be an argument array like [node, a.js], never a shell line");
      return List.of();
    }
    List<String> command = s.strings("command");
    if (node.get() instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
      problems.add(node.get(), "must not be empty; the first item is the program to run");
    } else if (!command.isEmpty() && command.getFirst().isBlank()) {
      problems.add(node.get(), "the first item (the program to run) must not be blank");
    }
    return command;
  }

  private Map<String, Secret> headers(Section s) {
    Map<String, Secret> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode.Entry entry : entries(s, "headers")) {
      String name = entry.key();
      if (!HEADER_NAME.matcher(name).matches()) {
        problems.addAtKey(entry, "is not a valid header name (letters, digits, !#$%&'*+-.^_`|~)");
      } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        problems.addAtKey(entry, "is set twice (header names ignore case)");
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

  private Map<String, Secret> env(Section s) {
    Map<String, Secret> env = new LinkedHashMap<>();
    for (YamlNode.Entry entry : entries(s, "env")) {
      if (!ENV_NAME.matcher(entry.key()).matches()) {
        problems.addAtKey(
            entry, "is not a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
      }
      secrets
          .value(entry.value())
          .ifPresent(
              v -> {
                if (v.reveal().indexOf('\0') >= 0) {
                  problems.add(entry.value(), "must not contain NUL characters");
                } else {
                  env.put(entry.key(), v);
                }
              });
    }
    return env;
  }

  private static Iterable<YamlNode.Entry> entries(Section s, String key) {
    return s.mapping(key).map(m -> List.copyOf(m.entries().values())).orElse(List.of());
  }
}
