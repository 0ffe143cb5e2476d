package dev.warden.upstream;

import dev.warden.config.ServerConfig;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.HttpClient;

/**
 * Connector for a legacy HTTP+SSE server (protocol 2024-11-05). Each downstream session gets its
 * own upstream session (its own event stream), as with Streamable HTTP.
 */
public final class SseUpstream implements UpstreamServer {
  private final ServerConfig config;
  private final HttpClient http;
  private final String clientVersion;
  private final Set<SseChannel> open = ConcurrentHashMap.newKeySet();

  public SseUpstream(ServerConfig config, HttpClient http, String clientVersion) {
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
    SseChannel channel = new SseChannel(config, http, clientVersion, open::remove);
    open.add(channel);
    return new LinkSession(config.id(), channel, true);
  }

  @Override
  public void close() {
    for (SseChannel c : open) {
      c.close();
    }
  }
}
