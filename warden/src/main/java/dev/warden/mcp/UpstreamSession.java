package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One MCP session with an upstream server, initialized lazily on the first call. Thread-safe:
 * requests of one downstream session may run concurrently.
 */
public interface UpstreamSession extends AutoCloseable {
  /** Sends a request (already serialized JSON-RPC) and returns its reply as it streams. */
  UpstreamReply send(byte[] request) throws UpstreamException;

  /** Sends a notification or a response; the upstream's 202 is awaited. */
  void post(byte[] message) throws UpstreamException;

  /** The upstream's InitializeResult (initializing first if needed). */
  ObjectNode initializeResult() throws UpstreamException;

  /**
   * Sends a request and reads its response message whole (for small gateway-owned exchanges such as
   * list fetches); notifications that come before it go to {@code notifications}.
   */
  ObjectNode call(String method, JsonNode params, Consumer<ObjectNode> notifications)
      throws UpstreamException;

  /**
   * Opens the upstream's standalone event stream, if it offers one, and hands every notification to
   * {@code listener} on a background virtual thread until the session closes. The stream is
   * reopened when it breaks; {@code resumed} runs after each reopening, since notifications sent
   * while it was down are lost.
   *
   * <p>The answer completes with true once the server has taken the stream (over HTTP: its headers
   * came, or half a second passed since the request was sent, for a server that holds them back
   * until its first event, as the MCP Java SDK does), so that what it sends from then on reaches
   * {@code listener}; with false when the session closed, the server offers none, or the stream
   * could not be opened within the server's timeout (it is still tried in the background, and
   * {@code resumed} runs when it opens). A caller that must hear what the server sends in answer to
   * a request of its own waits for it before sending that request.
   */
  CompletionStage<Boolean> listen(Consumer<ObjectNode> listener, Runnable resumed);

  /**
   * {@code resources/subscribe} to {@code uri} for this session (servers of the 2025 eras); the
   * server's response message. Sessions that share one MCP session with the server (a stdio
   * process's) share its subscriptions: the server is asked for the first holder only, and the
   * others get an empty result. What is held is subscribed to again on each new MCP session with
   * the server (a restarted process, a session the server forgot), and let go of when this session
   * closes.
   */
  default ObjectNode subscribeResource(String uri) throws UpstreamException {
    return call("resources/subscribe", uriParams(uri), n -> {});
  }

  /**
   * {@code resources/unsubscribe} from {@code uri} for this session; the server is told only when
   * no session sharing its MCP session holds the URI any more (otherwise: an empty result).
   */
  default ObjectNode unsubscribeResource(String uri) throws UpstreamException {
    return call("resources/unsubscribe", uriParams(uri), n -> {});
  }

  private static ObjectNode uriParams(String uri) {
    return JsonNodeFactory.instance.objectNode().put("uri", uri);
  }

  /**
   * For a server whose era subscribes to resources on a stream of its own (2026-07-28: {@code
   * subscriptions/listen}): opens one for {@code uris} and waits, within the server's timeout, for
   * the server's acknowledgement; {@code listener} then hears the updates until the subscription is
   * closed. Empty for a server of an era that takes {@code resources/subscribe} instead.
   */
  default Optional<ResourceSubscription> subscribeResources(
      List<String> uris, ResourceSubscription.Listener listener) throws UpstreamException {
    return Optional.empty();
  }

  /** Ends the session upstream (DELETE) and releases its connections. */
  @Override
  void close();
}
