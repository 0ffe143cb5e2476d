package dev.warden.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.UpstreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource subscriptions ({@code resources/subscribe}, 2025 eras) held on one upstream MCP
 * session, counted per URI and holder. Several of Warden's sessions may share that MCP session (a
 * stdio process serves every session pinned to it), and the server keeps one subscription per URI
 * for all of them: it is asked to subscribe for the first holder only, and to unsubscribe only when
 * the last one lets go, so one client's unsubscribe never ends another's updates. A new MCP session
 * (a restarted process, a reconnected or re-initialized session) knows none of them: {@link #renew}
 * subscribes to every URI still held.
 */
final class ResourceHolds {
  /** Sends one gateway-owned request on the MCP session and returns its response message. */
  @FunctionalInterface
  interface Caller {
    ObjectNode call(String method, JsonNode params) throws UpstreamException;
  }

  static final String SUBSCRIBE = "resources/subscribe";
  static final String UNSUBSCRIBE = "resources/unsubscribe";
  private static final Logger log = LoggerFactory.getLogger(ResourceHolds.class);

  private final String server;

  /** URI to holder to how many holds it has (a listen stream each, a client session once). */
  private final Map<String, Map<Object, Integer>> byUri = new LinkedHashMap<>();

  /** The first subscribe of a URI while it is on its way to the server. */
  private final Map<String, CompletableFuture<ObjectNode>> pending = new HashMap<>();

  ResourceHolds(String server) {
    this.server = server;
  }

  /**
   * One more hold of {@code holder} on {@code uri}. The server is asked when nobody held it; its
   * answer is returned, and a refusal (or a failure) takes the hold back. A holder that comes while
   * that first subscribe is on its way waits for it and stands or falls with it: it is not told
   * "subscribed" before the server has said so. Otherwise the server has the subscription already
   * and the answer is an empty result.
   */
  ObjectNode subscribe(Object holder, String uri, Caller caller) throws UpstreamException {
    CompletableFuture<ObjectNode> first;
    CompletableFuture<ObjectNode> mine = null;
    synchronized (this) {
      first = pending.get(uri);
      if (add(holder, uri) && first == null) {
        mine = new CompletableFuture<>();
        pending.put(uri, mine);
      }
    }
    if (mine == null) {
      return first == null ? done() : following(first, holder, uri);
    }
    try {
      ObjectNode answer = caller.call(SUBSCRIBE, params(uri));
      if (!answer.has("result")) {
        remove(holder, uri);
      }
      settle(uri, mine, answer, null);
      return answer;
    } catch (UpstreamException | RuntimeException e) {
      remove(holder, uri);
      settle(uri, mine, null, e);
      throw e;
    }
  }

  /** The outcome of the first holder's subscribe, for a holder that came while it was pending. */
  private ObjectNode following(CompletableFuture<ObjectNode> first, Object holder, String uri)
      throws UpstreamException {
    ObjectNode answer;
    try {
      answer = first.join();
    } catch (java.util.concurrent.CompletionException e) {
      remove(holder, uri);
      if (e.getCause() instanceof UpstreamException u) {
        throw u; // the first holder's failure is this one's too
      }
      throw e;
    }
    if (!answer.has("result")) {
      remove(holder, uri);
      return answer.deepCopy();
    }
    return done();
  }

  private synchronized void settle(
      String uri, CompletableFuture<ObjectNode> f, ObjectNode answer, Exception failure) {
    pending.remove(uri, f);
    if (failure != null) {
      f.completeExceptionally(failure);
    } else {
      f.complete(answer);
    }
  }

  /**
   * One hold of {@code holder} on {@code uri} less. While others hold it the server is not told and
   * the answer is an empty result; otherwise the server is asked to unsubscribe, and its answer is
   * returned.
   */
  ObjectNode unsubscribe(Object holder, String uri, Caller caller) throws UpstreamException {
    if (remove(holder, uri)) {
      return done();
    }
    ObjectNode answer = caller.call(UNSUBSCRIBE, params(uri));
    resubscribeIfHeld(uri, caller);
    return answer;
  }

  /** Lets go of every hold of {@code holder}; the URIs nobody holds now. */
  synchronized List<String> releaseAll(Object holder) {
    List<String> unheld = new ArrayList<>();
    byUri.forEach(
        (uri, holders) -> {
          if (holders.remove(holder) != null && holders.isEmpty()) {
            unheld.add(uri);
          }
        });
    unheld.forEach(byUri::remove);
    return unheld;
  }

  /** Unsubscribes from {@code uris}, which nobody held after {@link #releaseAll}. */
  void unsubscribe(List<String> uris, Caller caller) {
    for (String uri : uris) {
      try {
        caller.call(UNSUBSCRIBE, params(uri));
        resubscribeIfHeld(uri, caller);
      } catch (UpstreamException e) {
        log.debug("{} not unsubscribed from {}: {}", server, uri, e.getMessage());
      }
    }
  }

  /** Subscribes a new MCP session to every URI held; a refusal is logged, the hold kept. */
  void renew(Caller caller) {
    List<String> uris;
    synchronized (this) {
      uris = List.copyOf(byUri.keySet());
    }
    for (String uri : uris) {
      try {
        ObjectNode answer = caller.call(SUBSCRIBE, params(uri));
        if (!answer.has("result")) {
          log.warn("{} refused the renewed subscription to {}", server, uri);
        }
      } catch (UpstreamException e) {
        log.warn("{} not subscribed again to {}: {}", server, uri, e.getMessage());
      }
    }
    if (!uris.isEmpty()) {
      log.info("{}: {} resource subscriptions renewed on a new session", server, uris.size());
    }
  }

  /** The URIs somebody holds. */
  synchronized List<String> held() {
    return List.copyOf(byUri.keySet());
  }

  /**
   * Someone took a hold while the unsubscribe was on its way (it may have reached the server after
   * their subscribe): the server is asked again, so their updates go on.
   */
  private void resubscribeIfHeld(String uri, Caller caller) throws UpstreamException {
    synchronized (this) {
      if (!byUri.containsKey(uri)) {
        return;
      }
    }
    caller.call(SUBSCRIBE, params(uri));
  }

  /** True when {@code uri} had no holder before. */
  private synchronized boolean add(Object holder, String uri) {
    Map<Object, Integer> holders = byUri.computeIfAbsent(uri, u -> new HashMap<>());
    boolean first = holders.isEmpty();
    holders.merge(holder, 1, Integer::sum);
    return first;
  }

  /** Takes one hold of {@code holder} back (if it had one); true when others still hold the URI. */
  private synchronized boolean remove(Object holder, String uri) {
    Map<Object, Integer> holders = byUri.get(uri);
    if (holders == null) {
      return false;
    }
    holders.computeIfPresent(holder, (h, n) -> n > 1 ? n - 1 : null);
    if (holders.isEmpty()) {
      byUri.remove(uri);
      return false;
    }
    return true;
  }

  private static ObjectNode params(String uri) {
    return JsonNodeFactory.instance.objectNode().put("uri", uri);
  }

  private static ObjectNode done() {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.putObject("result");
    return answer;
  }
}
