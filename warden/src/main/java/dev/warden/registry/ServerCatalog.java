package dev.warden.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lists of one server, fetched through a session the gateway owns and cached until the server
 * says a list changed. A failed fetch is retried after a short pause, not on every request.
 *
 * <p>A change is noted without the lock a fetch holds: the notification comes on the thread that
 * reads the server's messages (a stdio process's output), and that thread must stay free to read
 * the answer the fetch waits for. A change noted during a fetch makes its listing stale at once.
 */
final class ServerCatalog {
  private static final Logger log = LoggerFactory.getLogger(ServerCatalog.class);
  private static final int MAX_PAGES = 100;
  private static final long FIRST_RETRY_NANOS = 250_000_000L;
  private static final long MAX_RETRY_NANOS = 30_000_000_000L;

  private final UpstreamServer upstream;
  private final Consumer<String> onChange;
  private final AtomicLong changes = new AtomicLong();
  private UpstreamSession session;
  private ServerListing listing;
  private long listingChanges;
  private long failedAtNanos;
  private long retryNanos = FIRST_RETRY_NANOS;

  /** {@code onChange} gets the notification method when the server announces a change. */
  ServerCatalog(UpstreamServer upstream, Consumer<String> onChange) {
    this.upstream = upstream;
    this.onChange = onChange;
  }

  String id() {
    return upstream.id();
  }

  /** True when the cached listing can be served without asking the server. */
  synchronized boolean isFresh() {
    return listing != null
        && listingChanges == changes.get()
        && (listing.complete() || System.nanoTime() - failedAtNanos < retryNanos);
  }

  synchronized ServerListing listing() {
    if (isFresh()) {
      return listing;
    }
    // A server that announced a change is up: a fetch that fails then is retried soon again.
    boolean announced = listing != null && listingChanges != changes.get();
    listingChanges = changes.get();
    try {
      listing = fetch();
      retryNanos = FIRST_RETRY_NANOS;
    } catch (UpstreamException e) {
      log.warn("{}; its tools are unavailable until it answers", e.getMessage());
      // Retry soon after a first failure (a server still starting), then back off.
      failedAtNanos = System.nanoTime();
      retryNanos =
          listing == null || listing.complete() || announced
              ? FIRST_RETRY_NANOS
              : Math.min(retryNanos * 2, MAX_RETRY_NANOS);
      listing = ServerListing.unavailable();
      resetSession();
    }
    return listing;
  }

  /** Notes a change: the next look fetches the lists again. Never waits for a fetch. */
  void invalidate() {
    changes.incrementAndGet();
  }

  synchronized void close() {
    resetSession();
  }

  private void resetSession() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private ServerListing fetch() throws UpstreamException {
    if (session == null) {
      session = upstream.newSession();
      session.initializeResult();
      session.listen(this::onNotification, this::invalidate);
    }
    JsonNode capabilities = session.initializeResult().path("capabilities");
    Map<ListKind, List<ObjectNode>> items = new EnumMap<>(ListKind.class);
    for (ListKind kind : ListKind.values()) {
      items.put(kind, capabilities.has(kind.capability()) ? fetchAll(kind) : List.of());
    }
    return new ServerListing(
        items,
        true,
        capabilities.path("tasks").path("requests").path("tools").has("call"),
        capabilities.path("extensions").has(ProtocolVersions.TASKS_EXTENSION),
        capabilities.path("resources").path("subscribe").asBoolean(false));
  }

  private List<ObjectNode> fetchAll(ListKind kind) throws UpstreamException {
    List<ObjectNode> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      ObjectNode response = session.call(kind.method(), params, this::onNotification);
      if (response.has("error")) {
        // A server may advertise a capability without every list (e.g. no templates).
        return all;
      }
      JsonNode result = response.path("result");
      for (JsonNode item : result.path(kind.field())) {
        if (item instanceof ObjectNode obj) {
          all.add(obj);
        }
      }
      JsonNode next = result.get("nextCursor");
      if (next == null || !next.isTextual() || next.asText().isEmpty()) {
        return all;
      }
      cursor = next.asText();
    }
    log.warn("{} returned more than {} pages of {}; the rest is ignored", id(), MAX_PAGES, kind);
    return all;
  }

  private void onNotification(ObjectNode notification) {
    String method = notification.path("method").asText();
    if (method.endsWith("/list_changed")) {
      invalidate();
      onChange.accept(method);
    }
  }
}
