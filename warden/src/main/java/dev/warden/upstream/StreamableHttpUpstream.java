package dev.warden.upstream;

import dev.warden.config.ServerConfig;
import dev.warden.mcp.ClientProfile;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connector for an upstream that speaks Streamable HTTP. All sessions share the gateway's one
 * {@link Http1Client}, whose pool keeps connections to each server alive between calls.
 */
public final class StreamableHttpUpstream implements UpstreamServer {
  private final ServerConfig config;
  private final Http1Client http;
  private final String clientVersion;
  private final Set<StreamableHttpSession> open = ConcurrentHashMap.newKeySet();

  public StreamableHttpUpstream(ServerConfig config, Http1Client http, String clientVersion) {
    this.config = config;
    this.http = http;
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
    StreamableHttpSession session =
        new StreamableHttpSession(config, http, clientVersion, client, open::remove);
    open.add(session);
    return session;
  }

  @Override
  public void close() {
    for (StreamableHttpSession s : open) {
      s.close();
    }
  }
}
