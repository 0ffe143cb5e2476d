package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ResourceSubscription;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code resources/subscribe} and {@code resources/unsubscribe} of a client of the 2025 eras for a
 * resource of a 2026-07-28 server, which has no such methods: the session's URIs on that server are
 * held as one {@code subscriptions/listen} stream of that server per (session, server), and its
 * updates go to the client's standalone event stream (GET), as a 2025 server's would. A subscribe
 * opens a stream for every URI so far and the new one, which replaces the old once the server has
 * acknowledged the new URI (both are open for that moment, so no update is lost); an unsubscribe
 * only stops passing that URI on, and closes the stream with the last one. The streams are closed
 * with the session's upstream session.
 */
final class StandingSubscriptions {
  /** The URIs of one session held on one server's stream, and what hears it. */
  private record Standing(List<String> uris, ResourceSubscription stream, Updates updates) {}

  private final Map<Session, Map<String, Standing>> bySession =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The answer to the client's request; empty when {@code upstream} is of an era that takes the
   * request itself (it is then forwarded).
   */
  Optional<Reply> apply(Exchange exchange, String server, UpstreamSession upstream) {
    Session session = exchange.session();
    String uri = exchange.message().param("uri");
    boolean subscribe = "resources/subscribe".equals(exchange.method());
    Map<String, Standing> mine = bySession.computeIfAbsent(session, s -> new ConcurrentHashMap<>());
    synchronized (mine) {
      Standing now = mine.get(server);
      if (!subscribe) {
        return now == null ? Optional.empty() : Optional.of(unsubscribe(mine, server, now, uri));
      }
      if (now != null && now.uris().contains(uri)) {
        return Optional.of(done());
      }
      List<String> wanted = new ArrayList<>(now == null ? List.of() : now.uris());
      if (wanted.size() >= ResourceSubscriptions.MAX_URIS) {
        return Optional.of(ResourceSubscriptions.tooMany());
      }
      wanted.add(uri);
      Updates updates = new Updates(session, server, mine);
      Optional<ResourceSubscription> opened;
      try {
        opened = upstream.subscribeResources(wanted, updates);
      } catch (UpstreamException e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        exchange.upstreamError(kind);
        exchange.decide(Exchange.Outcome.ERROR, "upstream:" + kind);
        return Optional.of(failed(e.getMessage()));
      }
      if (opened.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(replace(mine, server, now, opened.get(), updates, uri));
    }
  }

  private static Reply replace(
      Map<String, Standing> mine,
      String server,
      Standing now,
      ResourceSubscription next,
      Updates updates,
      String uri) {
    if (!next.acknowledged().contains(uri)) {
      next.close(); // the old stream, if any, still carries the others
      return failed("upstream '" + server + "' did not accept a subscription to " + uri);
    }
    mine.put(server, new Standing(next.acknowledged(), next, updates));
    if (now != null) {
      now.stream().close();
    }
    return done();
  }

  private static Reply unsubscribe(
      Map<String, Standing> mine, String server, Standing now, String uri) {
    List<String> left = new ArrayList<>(now.uris());
    left.remove(uri);
    if (left.isEmpty()) {
      mine.remove(server);
      now.stream().close();
    } else {
      mine.put(server, new Standing(List.copyOf(left), now.stream(), now.updates()));
    }
    return done();
  }

  private static Reply done() {
    return new Reply.Result(JsonNodeFactory.instance.objectNode());
  }

  private static Reply failed(String why) {
    return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, why));
  }

  /**
   * Passes on the updates of one stream while it is the session's current one for the server, and
   * only for the URIs still subscribed to.
   */
  private static final class Updates implements ResourceSubscription.Listener {
    private final Session session;
    private final String server;
    private final Map<String, Standing> mine;

    Updates(Session session, String server, Map<String, Standing> mine) {
      this.session = session;
      this.server = server;
      this.mine = mine;
    }

    private boolean current(String uri) {
      Standing now = mine.get(server);
      return now != null && now.updates() == this && now.uris().contains(uri);
    }

    @Override
    public void updated(String uri) {
      if (current(uri)) {
        session.broadcast(ResourceSubscriptions.updatedNotification(uri));
      }
    }

    @Override
    public void resumed(List<String> uris) {
      uris.forEach(this::updated); // what changed while the stream was down is unknown
    }

    @Override
    public void ended(String why) {
      synchronized (mine) {
        Standing now = mine.get(server);
        if (now != null && now.updates() == this) {
          mine.remove(server); // a 2025 client cannot be told; it may subscribe again
        }
      }
    }
  }
}
