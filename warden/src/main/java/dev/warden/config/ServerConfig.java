package dev.warden.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One registered upstream server. Only what the registry lists is reachable.
 *
 * @param id lower-case letters, digits and '-', unique; the prefix of every exposed name
 * @param url the MCP endpoint (streamable-http, sse) or the API base (openapi); null for stdio
 * @param headers sent on every upstream request; backend secrets live here, never shown to agents
 * @param command argument array for stdio servers, never run through a shell; empty otherwise
 * @param env environment for stdio servers
 * @param timeout how long one upstream call may take before the agent gets an error
 * @param connectTimeout how long opening a connection may take
 * @param labels trust labels (prod, internal, dev, external, ...), ranked by data-protection.trust
 */
public record ServerConfig(
    String id,
    Transport transport,
    URI url,
    Map<String, Secret> headers,
    List<String> command,
    Map<String, Secret> env,
    Duration timeout,
    Duration connectTimeout,
    List<String> labels) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  public ServerConfig {
    headers = Map.copyOf(headers);
    command = List.copyOf(command);
    env = Map.copyOf(env);
    labels = List.copyOf(labels);
  }

  /** A server without trust labels. */
  public ServerConfig(
      String id,
      Transport transport,
      URI url,
      Map<String, Secret> headers,
      List<String> command,
      Map<String, Secret> env,
      Duration timeout,
      Duration connectTimeout) {
    this(id, transport, url, headers, command, env, timeout, connectTimeout, List.of());
  }

  /** This server with {@code labels}. */
  public ServerConfig withLabels(String... newLabels) {
    return new ServerConfig(
        id, transport, url, headers, command, env, timeout, connectTimeout, List.of(newLabels));
  }

  /** A streamable-http server with default timeouts and no headers (tests, the demo). */
  public static ServerConfig streamableHttp(String id, URI url) {
    return new ServerConfig(
        id,
        Transport.STREAMABLE_HTTP,
        url,
        Map.of(),
        List.of(),
        Map.of(),
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT);
  }
}
