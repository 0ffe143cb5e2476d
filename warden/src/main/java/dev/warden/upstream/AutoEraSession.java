package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A session with a server whose protocol era is found out on first use ({@code protocol: auto}):
 * the connector probes the server once, and the session then behaves as a session of that era.
 */
final class AutoEraSession implements UpstreamSession {
  /** Makes the session of the server's era, probing the server the first time. */
  interface Resolver {
    UpstreamSession open() throws UpstreamException;
  }

  private final String server;
  private final Resolver resolver;
  private volatile UpstreamSession delegate;
  private volatile boolean closed;

  AutoEraSession(String server, Resolver resolver) {
    this.server = server;
    this.resolver = resolver;
  }

  private UpstreamSession delegate() throws UpstreamException {
    UpstreamSession d = delegate;
    if (d != null) {
      return d;
    }
    synchronized (this) {
      if (delegate == null) {
        if (closed) {
          throw new UpstreamException(
              server, UpstreamException.Kind.SESSION_EXPIRED, "session is closed");
        }
        delegate = resolver.open();
      }
      return delegate;
    }
  }

  @Override
  public UpstreamReply send(byte[] request) throws UpstreamException {
    return delegate().send(request);
  }

  @Override
  public void post(byte[] message) throws UpstreamException {
    UpstreamSession d = delegate;
    if (d != null) {
      d.post(message); // nothing is in flight on a session that was never used
    }
  }

  @Override
  public ObjectNode initializeResult() throws UpstreamException {
    return delegate().initializeResult();
  }

  @Override
  public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
      throws UpstreamException {
    return delegate().call(method, params, notifications);
  }

  @Override
  public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
    try {
      return delegate().listen(listener, resumed);
    } catch (UpstreamException e) {
      // unreachable now: the catalog lists again later and opens a new session then
      return CompletableFuture.completedFuture(false);
    }
  }

  @Override
  public ObjectNode subscribeResource(String uri) throws UpstreamException {
    return delegate().subscribeResource(uri);
  }

  @Override
  public ObjectNode unsubscribeResource(String uri) throws UpstreamException {
    return delegate().unsubscribeResource(uri);
  }

  @Override
  public Optional<ResourceSubscription> subscribeResources(
      List<String> uris, ResourceSubscription.Listener listener) throws UpstreamException {
    return delegate().subscribeResources(uris, listener);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (delegate != null) {
      delegate.close();
    }
  }
}
