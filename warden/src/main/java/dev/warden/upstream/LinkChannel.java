package dev.warden.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.UpstreamException;
import java.util.function.Consumer;

/**
 * Something that yields an initialized {@link JsonRpcLink}: a stdio process slot or a legacy SSE
 * connection. It replaces its link when the link dies (restart, reconnect).
 */
interface LinkChannel {
  /** A listener of a channel's notifications; {@code resumed} runs after each replacement. */
  record Listener(Consumer<ObjectNode> notifications, Runnable resumed) {}

  /** An initialized link, starting or reconnecting first if needed. */
  JsonRpcLink ready() throws UpstreamException;

  /** The resource subscriptions held on the channel's MCP session, renewed with each new link. */
  ResourceHolds holds();

  void listen(Listener listener);

  void unlisten(Listener listener);

  void close();
}
