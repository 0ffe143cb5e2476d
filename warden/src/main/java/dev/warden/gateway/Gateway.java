package dev.warden.gateway;

import dev.warden.alert.AlertStage;
import dev.warden.alert.Alerts;
import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.config.Transport;
import dev.warden.config.WardenConfig;
import dev.warden.edge.McpEndpoint;
import dev.warden.edge.OriginGuard;
import dev.warden.edge.SessionStage;
import dev.warden.edge.http.HttpServer;
import dev.warden.identity.AgentDirectory;
import dev.warden.identity.AuthenticationStage;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.detect.ConfiguredDetector;
import dev.warden.inspect.policy.SensitiveDataStage;
import dev.warden.mcp.SessionStore;
import dev.warden.mcp.SessionTokens;
import dev.warden.mcp.UpstreamServer;
import dev.warden.net.VirtualThreads;
import dev.warden.persona.Persona;
import dev.warden.persona.PersonaStage;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.Stage;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;
import dev.warden.upstream.Http1Client;
import dev.warden.upstream.SseUpstream;
import dev.warden.upstream.StdioUpstream;
import dev.warden.upstream.StreamableHttpUpstream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles a running gateway from a configuration: upstreams, catalog, pipeline, listener. */
public final class Gateway implements AutoCloseable {
  /** Pooled upstream connections unused this long are not reused (servers drop them). */
  private static final Duration UPSTREAM_IDLE = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final WardenConfig config;
  private final HttpClient http;
  private final Http1Client upstreamHttp = new Http1Client(UPSTREAM_IDLE);
  private final Map<String, UpstreamServer> upstreams = new LinkedHashMap<>();
  private final Catalog catalog;
  private final SessionStore sessions;

  /** Sessions the gateway holds per agent and persona for 2026-07-28 clients, which have none. */
  private final SessionStore held;

  private final HttpServer server;
  private final Thread reaper;
  private final Alerts alerts;

  private Gateway(
      WardenConfig config,
      Stage telemetry,
      Stage audit,
      String version,
      BiFunction<ServerConfig, UpstreamServer, UpstreamServer> wrap)
      throws Exception {
    this.config = config;
    this.http = httpClient(config);
    for (ServerConfig s : config.servers()) {
      upstreams.put(s.id(), wrap.apply(s, connector(s, version)));
    }
    this.catalog =
        new Catalog(
            List.copyOf(upstreams.values()),
            config.servers().stream()
                .map(ServerConfig::timeout)
                .max(Duration::compareTo)
                .orElse(ServerConfig.DEFAULT_TIMEOUT));
    this.sessions =
        new SessionStore(
            config.limits().sessionIdleTimeout(),
            SessionTokens.from(config.sessions(), Clock.systemUTC()));
    this.held = new SessionStore(config.limits().sessionIdleTimeout());
    catalog.onChange(this::announce);
    this.alerts = Alerts.start(config.alerts(), version);

    Map<String, Persona> personas = new LinkedHashMap<>();
    Map<String, String> instructions = new LinkedHashMap<>();
    for (PersonaConfig p : config.personas()) {
      personas.put(p.id(), new Persona(p));
      instructions.put(p.id(), p.description());
    }
    Pipeline pipeline =
        new Pipeline(
            StageOrder.of(
                telemetry,
                new AlertStage(alerts),
                audit,
                new AuthenticationStage(new AgentDirectory(config.agents())),
                new SessionStage(sessions, held),
                new PersonaStage(personas),
                new SensitiveDataStage(
                    engine(config),
                    config.dataProtection(),
                    config.servers().stream()
                        .collect(Collectors.toMap(ServerConfig::id, ServerConfig::labels)),
                    uri -> catalog.view().serverOfResource(uri),
                    tool ->
                        catalog
                            .view()
                            .find(ListKind.TOOLS, tool)
                            .map(CatalogEntry::headerParams)
                            .orElse(List.of())),
                new RouteStage(
                    catalog,
                    sessions,
                    upstreams,
                    new Initializer(sessions, instructions, version),
                    new InputRequired(
                        config.servers().stream()
                            .collect(Collectors.toMap(ServerConfig::id, ServerConfig::timeout))))));
    boolean loopback = InetAddress.getByName(config.listen().host()).isLoopbackAddress();
    McpEndpoint endpoint =
        new McpEndpoint(
            pipeline, new OriginGuard(config.allowedOrigins(), loopback), config.limits());
    this.server =
        HttpServer.start(
            config.listen().host(),
            config.listen().port(),
            endpoint,
            HttpServer.Options.DEFAULTS
                .withConnectionThreads(config.limits().connectionThreads())
                .withEventLoops(config.limits().eventLoops()));
    this.reaper = VirtualThreads.builder().name("session-reaper").start(this::reapIdleSessions);
    VirtualThreads.builder().name("catalog-warmup").start(this::warmUp);
  }

  /** Lists every server once at start, so the first agent does not wait and operators see state. */
  private void warmUp() {
    CatalogView view = catalog.view();
    Map<String, Long> tools =
        view.list(ListKind.TOOLS).stream()
            .collect(Collectors.groupingBy(CatalogEntry::server, Collectors.counting()));
    for (String id : catalog.serverIds()) {
      log.info("server {}: {} tools", id, tools.getOrDefault(id, 0L));
    }
  }

  /** Starts a gateway for {@code config} without an audit trail; {@code telemetry} is outermost. */
  public static Gateway start(WardenConfig config, Stage telemetry, String version)
      throws Exception {
    return start(config, telemetry, (exchange, next) -> next.proceed(exchange), version);
  }

  /**
   * Starts a gateway for {@code config}; {@code telemetry} is the outermost stage and {@code audit}
   * the next one (see {@link StageOrder}).
   */
  public static Gateway start(WardenConfig config, Stage telemetry, Stage audit, String version)
      throws Exception {
    return start(config, telemetry, audit, version, (s, upstream) -> upstream);
  }

  /**
   * Starts a gateway whose upstream connectors are passed through {@code wrap} (for example to
   * trace their calls).
   */
  public static Gateway start(
      WardenConfig config,
      Stage telemetry,
      Stage audit,
      String version,
      BiFunction<ServerConfig, UpstreamServer, UpstreamServer> wrap)
      throws Exception {
    unsupportedTransports(config);
    return new Gateway(config, telemetry, audit, version, wrap);
  }

  /** The built-in detectors plus the configuration's own. */
  static DetectionEngine engine(WardenConfig config) {
    return DetectionEngine.builtIn().with(ConfiguredDetector.from(config.detectors()));
  }

  /**
   * What loading cannot know: transports this build cannot reach yet, and rule types the detection
   * engine does not report. A config with either is refused at start and by {@code warden check}.
   */
  public static void unsupportedTransports(WardenConfig config) {
    SensitiveDataStage.knownTypes(engine(config), config.dataProtection());
    for (ServerConfig s : config.servers()) {
      if (s.transport() == Transport.OPENAPI) {
        throw new IllegalArgumentException(
            "server '"
                + s.id()
                + "': transport "
                + s.transport().key()
                + " is not supported by this version yet");
      }
    }
  }

  public int port() {
    return server.port();
  }

  /** The agent-facing URL of a persona. */
  public URI endpoint(String persona) {
    String host = config.listen().host();
    if (host.equals("0.0.0.0") || host.isEmpty()) {
      host = "127.0.0.1";
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/personas/" + persona + "/mcp");
  }

  public SessionStore sessions() {
    return sessions;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The alert sinks, for binding their meters. */
  public Alerts alerts() {
    return alerts;
  }

  private void announce(String notification) {
    byte[] message =
        ("{\"jsonrpc\":\"2.0\",\"method\":\"" + notification + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    sessions.all().forEach(s -> s.broadcast(message));
    held.all().forEach(s -> s.broadcast(message));
  }

  private void reapIdleSessions() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        return;
      }
      int n = sessions.expireIdle() + held.expireIdle();
      if (n > 0) {
        log.debug("closed {} idle sessions", n);
      }
    }
  }

  private UpstreamServer connector(ServerConfig s, String version) {
    return switch (s.transport()) {
      case SSE -> new SseUpstream(s, http, version);
      case STDIO -> new StdioUpstream(s, version);
      default -> new StreamableHttpUpstream(s, upstreamHttp, http, version);
    };
  }

  private static HttpClient httpClient(WardenConfig config) throws Exception {
    HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(1);
    // Replies are handed to the waiting request thread by InputStreamResponseListener, whose
    // callbacks never block: running them on the selector saves a thread hand-off per call.
    transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
    HttpClient client = new HttpClient(transport);
    client.setExecutor(threadPool("warden-upstream"));
    // Answers are relayed as they come; asking upstreams to compress them would only cost CPU.
    client.getContentDecoderFactories().clear();
    // Larger reads mean fewer hand-offs of a large answer to the request's thread.
    client.setResponseBufferSize(64 * 1024);
    client.setFollowRedirects(false);
    client.setMaxConnectionsPerDestination(512);
    client.setConnectTimeout(
        config.servers().stream()
            .map(ServerConfig::connectTimeout)
            .max(Duration::compareTo)
            .orElse(ServerConfig.DEFAULT_CONNECT_TIMEOUT)
            .toMillis());
    client.setIdleTimeout(Duration.ofMinutes(2).toMillis());
    client.setUserAgentField(null);
    client.start();
    return client;
  }

  static QueuedThreadPool threadPool(String name) {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName(name);
    pool.setVirtualThreadsExecutor(VirtualThreads.perTask());
    return pool;
  }

  @Override
  public void close() {
    reaper.interrupt();
    sessions.closeAll();
    held.closeAll();
    catalog.close();
    upstreams.values().forEach(UpstreamServer::close);
    try {
      server.stop(Duration.ofSeconds(5));
      http.stop();
      upstreamHttp.close();
    } catch (Exception e) {
      log.warn("stopping the gateway: {}", e.toString());
    }
    // After the listener: requests still in flight raise their alerts before the queues drain.
    alerts.close();
  }
}
