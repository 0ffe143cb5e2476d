package dev.warden.testing;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.AuditConfig;
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
        agents);
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
    URI endpoint = endpoint(persona);
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://" + endpoint.getAuthority())
            .endpoint(endpoint.getPath())
            .httpRequestCustomizer(
                (builder, method, uri, body, context) ->
                    builder.header("Authorization", "Bearer " + key))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    clients.add(client);
    client.initialize();
    return client;
  }

  @Override
  public void close() {
    for (McpSyncClient c : clients) {
      try {
        c.closeGracefully();
      } catch (RuntimeException e) {
        // a test may have broken the session on purpose
      }
    }
    gateway.close();
  }
}
