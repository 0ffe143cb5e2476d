package dev.warden.testing;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.AuditConfig;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.config.HostPort;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Starts a real gateway on a random loopback port from a configuration built in code. */
public final class GatewayHarness implements AutoCloseable {
  private final Gateway gateway;
  private final List<McpSyncClient> clients = new ArrayList<>();

  private GatewayHarness(Gateway gateway) {
    this.gateway = gateway;
  }

  public static GatewayHarness start(WardenConfig config) throws Exception {
    return new GatewayHarness(
        Gateway.start(config, (exchange, next) -> next.proceed(exchange), "test"));
  }

  /** A configuration on 127.0.0.1:0 with the given registry, personas and agents. */
  public static WardenConfig config(
      List<ServerConfig> servers, List<PersonaConfig> personas, List<AgentConfig> agents) {
    return new WardenConfig(
        null,
        new HostPort("127.0.0.1", 0),
        new AdminConfig(new HostPort("127.0.0.1", 0), List.of()),
        WardenConfig.DEFAULT_STORAGE,
        AuditConfig.DEFAULTS.disabled(),
        Limits.DEFAULTS,
        List.of(),
        servers,
        personas,
        agents,
        DataProtectionConfig.DEFAULT);
  }

  /**
   * A configuration with these servers, the persona {@code p} offering all their tools and the
   * agent {@code bot} presenting {@code key} for it.
   */
  public static WardenConfig config(String key, ServerConfig... servers) {
    String[] tools =
        java.util.Arrays.stream(servers).map(s -> s.id() + "__*").toArray(String[]::new);
    return config(List.of(servers), persona("p", tools), key);
  }

  /**
   * A configuration with these servers, one persona and the agent {@code bot} holding {@code key}.
   */
  public static WardenConfig config(List<ServerConfig> servers, PersonaConfig persona, String key) {
    return config(servers, List.of(persona), List.of(agent("bot", key, persona.id())));
  }

  /** {@code config} that also allows these browser Origins. */
  public static WardenConfig withAllowedOrigins(WardenConfig config, List<String> origins) {
    return copy(config, config.limits(), origins, config.dataProtection());
  }

  /** {@code config} with other input limits. */
  public static WardenConfig withLimits(WardenConfig config, Limits limits) {
    return copy(config, limits, config.allowedOrigins(), config.dataProtection());
  }

  /** {@code config} with a data-protection section. */
  public static WardenConfig withDataProtection(WardenConfig config, DataProtectionConfig dp) {
    return copy(config, config.limits(), config.allowedOrigins(), dp);
  }

  /**
   * {@code config} whose answers are streamed as they come: one data-protection rule lets every
   * answer pass, so none is read whole to be inspected.
   */
  public static WardenConfig withStreamedAnswers(WardenConfig config) {
    DataRule pass =
        new DataRule(
            "answers-pass",
            List.of(),
            List.of(),
            Direction.RESPONSE,
            List.of(),
            List.of(),
            Action.ALLOW,
            4);
    return withDataProtection(
        config,
        new DataProtectionConfig(Optional.empty(), List.of(pass), DataProtectionConfig.Trust.NONE));
  }

  /**
   * {@code config} with the parts tests vary replaced; everything else, detectors included, kept.
   */
  private static WardenConfig copy(
      WardenConfig config, Limits limits, List<String> origins, DataProtectionConfig dp) {
    return new WardenConfig(
        config.source(),
        config.listen(),
        config.admin(),
        config.storage(),
        config.audit(),
        limits,
        origins,
        config.servers(),
        config.personas(),
        config.agents(),
        dp,
        config.detectors(),
        config.telemetry(),
        config.alerts());
  }

  public static PersonaConfig persona(String id, String... tools) {
    return new PersonaConfig(id, "Persona " + id, List.of(tools), List.of(), List.of());
  }

  public static AgentConfig agent(String id, String key, String... personas) {
    return new AgentConfig(
        id, List.of(personas), List.of(Secret.of(key, "env:TEST_KEY")), List.of());
  }

  public Gateway gateway() {
    return gateway;
  }

  public URI endpoint(String persona) {
    return gateway.endpoint(persona);
  }

  /** An initialized official MCP SDK client for a persona, presenting {@code key}. */
  public McpSyncClient client(String persona, String key) {
    return client(persona, key, List.of(), spec -> spec);
  }

  /**
   * An initialized 2025-11-25 SDK client that hands the URI of each resource update it reads to
   * {@code updated}.
   */
  public McpSyncClient subscriber(
      String persona, String key, java.util.function.Consumer<String> updated) {
    return client(
        persona,
        key,
        List.of("2025-11-25"),
        spec ->
            spec.resourcesUpdateConsumer(
                contents -> contents.forEach(c -> updated.accept(c.uri()))));
  }

  /**
   * An initialized SDK client; {@code protocolVersions} restricts what it speaks (empty: the SDK's
   * own list), {@code spec} adds consumers and settings.
   */
  public McpSyncClient client(
      String persona,
      String key,
      List<String> protocolVersions,
      UnaryOperator<McpClient.SyncSpec> spec) {
    URI endpoint = endpoint(persona);
    HttpClientStreamableHttpTransport.Builder transport =
        HttpClientStreamableHttpTransport.builder("http://" + endpoint.getAuthority())
            .endpoint(endpoint.getPath())
            .httpRequestCustomizer(
                (builder, method, uri, body, context) ->
                    builder.header("Authorization", "Bearer " + key));
    if (!protocolVersions.isEmpty()) {
      transport.supportedProtocolVersions(protocolVersions);
    }
    McpSyncClient client =
        spec.apply(McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(20)))
            .build();
    try {
      client.initialize();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /** A raw client for a persona endpoint presenting {@code key} (null: no credential). */
  public RawMcp raw(String persona, String key) {
    return new RawMcp(endpoint(persona), key);
  }

  @Override
  public void close() {
    List<McpSyncClient> open;
    synchronized (clients) {
      open = List.copyOf(clients);
    }
    for (McpSyncClient c : open) {
      try {
        c.closeGracefully();
      } catch (RuntimeException e) {
        // a test may have broken the session on purpose
      }
    }
    gateway.close();
  }
}
