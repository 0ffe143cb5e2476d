package dev.warden.registry;

import dev.warden.mcp.UpstreamServer;
import dev.warden.net.VirtualThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's aggregated catalog. Servers are listed in parallel; the combined view is cached
 * until a server announces a change, and listeners hear about it so sessions can be told.
 */
public final class Catalog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  private final Map<String, ServerCatalog> servers = new LinkedHashMap<>();
  private final Duration fetchTimeout;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile CatalogView view;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicLong generation = new AtomicLong();

  public Catalog(List<UpstreamServer> upstreams, Duration fetchTimeout) {
    this.fetchTimeout = fetchTimeout;
    for (UpstreamServer u : upstreams) {
      servers.put(u.id(), new ServerCatalog(u, this::changed));
    }
  }

  /** Hears the list_changed notification method whenever a server's lists change. */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  /**
   * The current view. Only the very first call (or the first after a server announced a change)
   * waits for the servers; a view that lacks an unavailable server is served as it is while a
   * background refresh retries that server, so a dead server never stalls every request.
   */
  public CatalogView view() {
    CatalogView v = view;
    if (v != null) {
      if (!v.complete() && !allFresh()) {
        refreshInBackground();
      }
      return v;
    }
    synchronized (this) {
      v = view;
      if (v == null) {
        long before = generation.get();
        v = new CatalogView(fetchAll());
        // A change announced while fetching may not be in v: serve it, but do not keep it.
        if (generation.get() == before) {
          view = v;
        }
      }
      return v;
    }
  }

  private void refreshInBackground() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    VirtualThreads.builder()
        .name("catalog-refresh")
        .start(
            () -> {
              try {
                long before = generation.get();
                CatalogView fresh = new CatalogView(fetchAll());
                synchronized (this) {
                  if (generation.get() == before) {
                    view = fresh;
                  }
                }
              } finally {
                refreshing.set(false);
              }
            });
  }

  private boolean allFresh() {
    for (ServerCatalog s : servers.values()) {
      if (!s.isFresh()) {
        return false;
      }
    }
    return true;
  }

  private Map<String, ServerListing> fetchAll() {
    Map<String, ServerListing> out = new LinkedHashMap<>();
    try (ExecutorService pool = VirtualThreads.perTask()) {
      Map<String, Future<ServerListing>> pending = new LinkedHashMap<>();
      for (ServerCatalog s : servers.values()) {
        pending.put(s.id(), pool.submit(s::listing));
      }
      long deadline = System.nanoTime() + fetchTimeout.toNanos();
      for (Map.Entry<String, Future<ServerListing>> e : pending.entrySet()) {
        try {
          long left = Math.max(0, deadline - System.nanoTime());
          out.put(e.getKey(), e.getValue().get(left, TimeUnit.NANOSECONDS));
        } catch (Exception ex) {
          log.warn("listing server {} failed: {}", e.getKey(), ex.toString());
          e.getValue().cancel(true);
          out.put(e.getKey(), ServerListing.unavailable());
        }
      }
      pool.shutdownNow();
    }
    return out;
  }

  private void changed(String notification) {
    generation.incrementAndGet();
    view = null;
    for (Consumer<String> l : listeners) {
      l.accept(notification);
    }
  }

  /** Drops every cached list, e.g. after a server that was down came back. */
  public void refresh() {
    servers.values().forEach(ServerCatalog::invalidate);
    generation.incrementAndGet();
    view = null;
  }

  public List<String> serverIds() {
    return new ArrayList<>(servers.keySet());
  }

  @Override
  public void close() {
    servers.values().forEach(ServerCatalog::close);
  }
}
