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
 * @param process how a stdio server's processes are run; the default for other transports
 * @param protocol the protocol era of a streamable-http server (2025-11-25 unless configured)
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
    List<String> labels,
    ProcessOptions process,
    UpstreamProtocol protocol) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  public ServerConfig {
    headers = Map.copyOf(headers);
    command = List.copyOf(command);
    env = Map.copyOf(env);
    labels = List.copyOf(labels);
    process = process == null ? ProcessOptions.DEFAULT : process;
    protocol = protocol == null ? UpstreamProtocol.STATEFUL : protocol;
  }

  /** A server of the stateful protocol era. */
  public ServerConfig(
      String id,
      Transport transport,
      URI url,
      Map<String, Secret> headers,
      List<String> command,
      Map<String, Secret> env,
      Duration timeout,
      Duration connectTimeout,
      List<String> labels,
      ProcessOptions process) {
    this(
        id,
        transport,
        url,
        headers,
        command,
        env,
        timeout,
        connectTimeout,
        labels,
        process,
        UpstreamProtocol.STATEFUL);
  }

  /** A server with default process options. */
  public ServerConfig(
      String id,
      Transport transport,
      URI url,
      Map<String, Secret> headers,
      List<String> command,
      Map<String, Secret> env,
      Duration timeout,
      Duration connectTimeout,
      List<String> labels) {
    this(
        id,
        transport,
        url,
        headers,
        command,
        env,
        timeout,
        connectTimeout,
        labels,
        ProcessOptions.DEFAULT);
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
        id,
        transport,
        url,
        headers,
        command,
        env,
        timeout,
        connectTimeout,
        List.of(newLabels),
        process,
        protocol);
  }

  /** This server with other process options (stdio). */
  public ServerConfig withProcess(ProcessOptions newProcess) {
    return new ServerConfig(
        id,
        transport,
        url,
        headers,
        command,
        env,
        timeout,
        connectTimeout,
        labels,
        newProcess,
        protocol);
  }

  /** This server spoken to in another protocol era (streamable-http). */
  public ServerConfig withProtocol(UpstreamProtocol newProtocol) {
    return new ServerConfig(
        id,
        transport,
        url,
        headers,
        command,
        env,
        timeout,
        connectTimeout,
        labels,
        process,
        newProtocol);
  }

  /** This server with another call timeout. */
  public ServerConfig withTimeout(Duration newTimeout) {
    return new ServerConfig(
        id,
        transport,
        url,
        headers,
        command,
        env,
        newTimeout,
        connectTimeout,
        labels,
        process,
        protocol);
  }

  /** A stdio server running {@code command} with {@code env}, default timeouts. */
  public static ServerConfig stdio(String id, List<String> command, Map<String, Secret> env) {
    return new ServerConfig(
        id,
        Transport.STDIO,
        null,
        Map.of(),
        command,
        env,
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        List.of(),
        ProcessOptions.DEFAULT);
  }

  /** A legacy HTTP+SSE server (2024-11-05) at {@code url}, default timeouts, no headers. */
  public static ServerConfig sse(String id, URI url) {
    return new ServerConfig(
        id,
        Transport.SSE,
        url,
        Map.of(),
        List.of(),
        Map.of(),
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        List.of(),
        ProcessOptions.DEFAULT);
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
