package dev.warden.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.net.VirtualThreads;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session with a legacy HTTP+SSE server (protocol 2024-11-05): a GET opens the event stream,
 * whose first {@code endpoint} event names where to POST messages; responses come back on the
 * stream. When the stream drops, waiting calls fail at once and the next call connects anew (a
 * listened-to channel reconnects on its own, with back-off). A new connection is a new MCP session,
 * subscribed again to the resources held before it is used.
 */
final class SseChannel implements LinkChannel {
  private static final Logger log = LoggerFactory.getLogger(SseChannel.class);
  private static final int MAX_EVENT = 64 * 1024 * 1024;
  private static final Duration STREAM_IDLE = Duration.ofMinutes(10);
  private static final long MAX_BACKOFF_MS = 30_000;

  private final ServerConfig config;
  private final HttpClient http;
  private final String clientVersion;
  private final Consumer<SseChannel> onClose;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final ResourceHolds holds;
  private JsonRpcLink link;
  private Response stream;
  private boolean everConnected;
  private volatile boolean closed;

  SseChannel(
      ServerConfig config, HttpClient http, String clientVersion, Consumer<SseChannel> onClose) {
    this.config = config;
    this.http = http;
    this.clientVersion = clientVersion;
    this.onClose = onClose;
    this.holds = new ResourceHolds(config.id());
  }

  @Override
  public JsonRpcLink ready() throws UpstreamException {
    boolean again;
    JsonRpcLink ready;
    lock.lock();
    try {
      if (closed) {
        throw new UpstreamException(config.id(), Kind.SESSION_EXPIRED, "session is closed");
      }
      if (link != null && link.isAlive()) {
        return link;
      }
      again = everConnected;
      ready = connect();
      holds.renew(ready::call); // a new connection is a new MCP session
      link = ready;
      everConnected = true;
    } finally {
      lock.unlock();
    }
    if (again) {
      listeners.forEach(l -> l.resumed().run());
    }
    return ready;
  }

  private JsonRpcLink connect() throws UpstreamException {
    Request req =
        request(config.url(), HttpMethod.GET)
            .timeout(0, TimeUnit.MILLISECONDS)
            .idleTimeout(
                Math.max(STREAM_IDLE.toMillis(), config.timeout().toMillis()),
                TimeUnit.MILLISECONDS);
    req.headers(h -> h.put(HttpHeader.ACCEPT, "text/event-stream"));
    InputStreamResponseListener listener = new InputStreamResponseListener();
    req.send(listener);
    Response response = await(listener);
    String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (response.getStatus() != 200 || type == null || !type.startsWith("text/event-stream")) {
      response.abort(new IOException("not an event stream"));
      throw new UpstreamException(
          config.id(),
          Kind.HTTP_STATUS,
          "answered HTTP " + response.getStatus() + " to the event stream request");
    }
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    URI[] target = new URI[1];
    JsonRpcLink[] self = new JsonRpcLink[1];
    JsonRpcLink fresh =
        new JsonRpcLink(
            config.id(), message -> post(target[0], message, self[0]), config.timeout());
    self[0] = fresh;
    fresh.onNotification(this::dispatch);
    stream = response;
    VirtualThreads.builder()
        .name("sse-stream-" + config.id())
        .start(() -> read(listener, response, endpoint, fresh));
    try {
      target[0] = endpoint.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      fresh.initialize(clientVersion);
      return fresh;
    } catch (UpstreamException e) {
      response.abort(new IOException("initialize failed"));
      throw e;
    } catch (Exception e) {
      response.abort(new IOException("no endpoint"));
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new UpstreamException(
          config.id(),
          e instanceof TimeoutException ? Kind.TIMEOUT : Kind.PROTOCOL,
          c instanceof IllegalArgumentException ? c.getMessage() : "sent no endpoint event");
    }
  }

  private void read(
      InputStreamResponseListener listener,
      Response response,
      CompletableFuture<URI> endpoint,
      JsonRpcLink fresh) {
    try {
      SseReader events = new SseReader(listener.getInputStream(), MAX_EVENT);
      for (SseEvent e = events.next(); e != null; e = events.next()) {
        if ("endpoint".equals(e.event())) {
          endpoint.complete(messageEndpoint(e.data().strip()));
        } else if (e.isMessage() && !e.data().isBlank()) {
          fresh.receive(e.data().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      endpoint.completeExceptionally(e);
    }
    String reason = closed ? "session is closed" : "dropped its event stream";
    endpoint.completeExceptionally(new IOException(reason));
    fresh.fail(reason);
    response.abort(new IOException(reason));
    if (!closed) {
      log.warn("legacy SSE server {} {}; calls waiting on it failed", config.id(), reason);
      if (!listeners.isEmpty()) {
        VirtualThreads.builder().name("sse-reconnect-" + config.id()).start(this::reconnect);
      }
    }
  }

  /** Keeps a listened-to channel connected, so list changes keep arriving. */
  private void reconnect() {
    long backoff = 500;
    while (!closed && !listeners.isEmpty()) {
      try {
        Thread.sleep(backoff);
        ready();
        return;
      } catch (InterruptedException e) {
        return;
      } catch (UpstreamException e) {
        log.debug("reconnecting to {} failed: {}", config.id(), e.getMessage());
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /**
   * The message endpoint must be on the configured server's origin: the server's backend
   * credentials go with every message, so it may not send them elsewhere.
   */
  private URI messageEndpoint(String data) {
    URI base = config.url();
    URI target = base.resolve(data);
    if (!Objects.equals(target.getScheme(), base.getScheme())
        || !Objects.equals(target.getHost(), base.getHost())
        || target.getPort() != base.getPort()
        || target.getRawUserInfo() != null) {
      throw new IllegalArgumentException("announced a message endpoint on another origin");
    }
    return target;
  }

  /**
   * POSTs one message. Returns once it is sent: some servers answer the POST only after handling
   * the message, while the answer that matters comes on the stream. A POST the server refuses or
   * that breaks fails the link (the session is gone), so no caller waits for an answer in vain.
   */
  private void post(URI endpoint, byte[] message, JsonRpcLink owner) throws IOException {
    Request req = request(endpoint, HttpMethod.POST);
    req.body(new BytesRequestContent("application/json", message));
    CompletableFuture<Void> sent = new CompletableFuture<>();
    req.onRequestSuccess(r -> sent.complete(null));
    req.send(
        result -> {
          if (result.isFailed()) {
            sent.completeExceptionally(result.getFailure());
            owner.fail(
                "message not delivered (" + result.getFailure().getClass().getSimpleName() + ")");
          } else if (result.getResponse().getStatus() / 100 != 2) {
            owner.fail("refused a message with HTTP " + result.getResponse().getStatus());
          }
        });
    try {
      sent.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (Exception e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new IOException("message not delivered (" + c.getClass().getSimpleName() + ")", e);
    }
  }

  private Request request(URI uri, HttpMethod method) {
    Request req =
        http.newRequest(uri)
            .method(method)
            .timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .idleTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    req.headers(
        h -> {
          for (Map.Entry<String, Secret> e : config.headers().entrySet()) {
            h.put(e.getKey(), e.getValue().reveal());
          }
        });
    return req;
  }

  private Response await(InputStreamResponseListener listener) throws UpstreamException {
    try {
      return listener.get(
          config.timeout().toMillis() + config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UpstreamException(
          config.id(), Kind.TIMEOUT, "did not answer within " + config.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(config.id(), Kind.UNREACHABLE, "call interrupted");
    } catch (Exception e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new UpstreamException(
          config.id(), Kind.UNREACHABLE, "is unreachable (" + c.getClass().getSimpleName() + ")");
    }
  }

  private void dispatch(ObjectNode notification) {
    for (Listener l : listeners) {
      l.notifications().accept(notification);
    }
  }

  @Override
  public ResourceHolds holds() {
    return holds;
  }

  @Override
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  /** Ends the session: the stream is closed, which is how a legacy SSE session ends. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
    Response s = stream;
    if (s != null) {
      s.abort(new IOException("session is closed"));
    }
  }
}
