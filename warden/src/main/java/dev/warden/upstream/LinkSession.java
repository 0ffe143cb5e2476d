package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A downstream session's view of a {@link LinkChannel}. Several sessions may share one channel (a
 * stdio process); {@code owned} channels (a legacy SSE connection) end with the session.
 */
final class LinkSession implements UpstreamSession {
  private final String server;
  private final LinkChannel channel;
  private final boolean owned;
  private final List<LinkChannel.Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  LinkSession(String server, LinkChannel channel, boolean owned) {
    this.server = server;
    this.channel = channel;
    this.owned = owned;
  }

  @Override
  public UpstreamReply send(byte[] request) throws UpstreamException {
    return link().send(request);
  }

  @Override
  public void post(byte[] message) throws UpstreamException {
    link().post(message);
  }

  @Override
  public ObjectNode initializeResult() throws UpstreamException {
    return link().initializeResult();
  }

  /**
   * Gateway-owned calls carry no progress token, so nothing is sent before the response; other
   * notifications go to the channel's listeners.
   */
  @Override
  public ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
      throws UpstreamException {
    return link().call(method, params);
  }

  /**
   * The link carries the server's notifications with its answers: once the listener is in place,
   * whatever the server sends after answering a later request reaches it.
   */
  @Override
  public CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed) {
    LinkChannel.Listener l = new LinkChannel.Listener(listener, resumed);
    listeners.add(l);
    channel.listen(l);
    return CompletableFuture.completedFuture(true);
  }

  /** Counted on the channel: sessions sharing a process share its subscriptions. */
  @Override
  public ObjectNode subscribeResource(String uri) throws UpstreamException {
    return channel.holds().subscribe(this, uri, this::call);
  }

  @Override
  public ObjectNode unsubscribeResource(String uri) throws UpstreamException {
    return channel.holds().unsubscribe(this, uri, this::call);
  }

  private ObjectNode call(String method, JsonNode params) throws UpstreamException {
    return link().call(method, params);
  }

  private JsonRpcLink link() throws UpstreamException {
    if (closed) {
      throw new UpstreamException(server, Kind.SESSION_EXPIRED, "session is closed");
    }
    return channel.ready();
  }

  @Override
  public void close() {
    closed = true;
    listeners.forEach(channel::unlisten);
    listeners.clear();
    if (owned) {
      channel.close(); // its MCP session ends, and what it held with it
      return;
    }
    // The others pinned to the process keep theirs; what nobody holds now is unsubscribed.
    List<String> unheld = channel.holds().releaseAll(this);
    if (!unheld.isEmpty()) {
      VirtualThreads.builder()
          .name("upstream-unsubscribe-" + server)
          .start(() -> channel.holds().unsubscribe(unheld, (m, p) -> channel.ready().call(m, p)));
    }
  }
}
