package dev.warden.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.config.UpstreamProtocol;
import dev.warden.mcp.ClientProfile;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector for an upstream that speaks Streamable HTTP, in the stateful era (2025-11-25), the
 * stateless one (2026-07-28), or whichever a probe finds ({@code protocol: auto}; the era is a
 * property of the server, so it is probed once). Stateful sessions share the gateway's {@link
 * Http1Client} (the hot path, ADR 0004), stateless ones its Jetty {@link HttpClient}; both pools
 * keep connections to each server alive between calls.
 */
public final class StreamableHttpUpstream implements UpstreamServer {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttpUpstream.class);

  private final ServerConfig config;
  private final Http1Client http;
  private final HttpClient jetty;
  private final String clientVersion;
  private final Set<UpstreamSession> open = ConcurrentHashMap.newKeySet();
  private final ReentrantLock probeLock = new ReentrantLock();

  /** What the probe found; null until it ran (auto) or for a configured era. */
  private volatile StatelessHttpSession.Discovery probed;

  public StreamableHttpUpstream(
      ServerConfig config, Http1Client http, HttpClient jetty, String clientVersion) {
    this.config = config;
    this.http = http;
    this.jetty = jetty;
    this.clientVersion = clientVersion;
  }

  @Override
  public String id() {
    return config.id();
  }

  @Override
  public UpstreamSession newSession() {
    return newSession(ClientProfile.NONE);
  }

  @Override
  public UpstreamSession newSession(ClientProfile client) {
    return switch (config.protocol()) {
      case STATEFUL -> stateful(client);
      case STATELESS -> stateless(client, null);
      case AUTO -> new AutoEraSession(config.id(), () -> ofProbedEra(client));
    };
  }

  private UpstreamSession ofProbedEra(ClientProfile client) throws UpstreamException {
    StatelessHttpSession.Discovery d = probe();
    return d.result() != null ? stateless(client, d.result()) : stateful(client);
  }

  private StatelessHttpSession.Discovery probe() throws UpstreamException {
    StatelessHttpSession.Discovery d = probed;
    if (d != null) {
      return d;
    }
    probeLock.lock();
    try {
      if (probed == null) {
        probed = StatelessHttpSession.probe(config, jetty, clientVersion);
        log.info(
            "server {} speaks protocol {}{}",
            config.id(),
            probed.result() != null
                ? UpstreamProtocol.STATELESS.key()
                : UpstreamProtocol.STATEFUL.key(),
            probed.result() != null ? "" : " (" + probed.why() + ")");
      }
      return probed;
    } finally {
      probeLock.unlock();
    }
  }

  private UpstreamSession stateful(ClientProfile client) {
    StreamableHttpSession session =
        new StreamableHttpSession(config, http, clientVersion, client, open::remove);
    open.add(session);
    return session;
  }

  private UpstreamSession stateless(ClientProfile client, ObjectNode discovered) {
    StatelessHttpSession session =
        new StatelessHttpSession(config, jetty, clientVersion, client, discovered, open::remove);
    open.add(session);
    return session;
  }

  @Override
  public void close() {
    for (UpstreamSession s : open) {
      s.close();
    }
  }
}
