package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ListenUpstreams;
import dev.warden.mcp.Session;
import dev.warden.pipeline.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A 2026-07-28 {@code subscriptions/listen} stream: the response to the listen request is an event
 * stream that opens with the acknowledgement, then carries the notifications the client opted in
 * to, each tagged with the subscription id (the listen request's id). When the gateway ends it (the
 * held session closes, e.g. at shutdown) it sends the listen result, and when a subscription opened
 * upstream for it ends for good, an error; when the client goes away the next write fails and the
 * stream ends. Either way the upstream streams opened for it are closed.
 */
final class ListenStreams {
  static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  private static final String UPDATED = "notifications/resources/updated";

  private final Duration keepAlive;

  ListenStreams(Duration keepAlive) {
    this.keepAlive = keepAlive;
  }

  long serve(dev.warden.edge.http.HttpResponse response, JsonNode id, Reply.Listen listen)
      throws IOException {
    Session session = listen.session();
    ListenUpstreams own = listen.own();
    Set<String> methods = methods(listen.filter());
    Set<String> uris = uris(listen.filter());
    EventStreams.QueueSink sink = new EventStreams.QueueSink();
    ReplyWriter.eventStreamHeaders(response);
    session.addSink(sink);
    own.attach(sink);
    long written = 0;
    try (OutputStream out = response.body()) {
      written += ReplyWriter.event(out, text(acknowledgement(id, listen.filter())));
      while (!sink.closed && !session.isClosed()) {
        byte[] message = sink.queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        session.touch(); // a listened session is in use, even when quiet
        if (message == null) {
          out.write(EventStreams.KEEP_ALIVE);
          out.flush();
        } else {
          written += write(out, message, id, methods, uris);
        }
      }
      for (byte[] left = sink.queue.poll(); left != null; left = sink.queue.poll()) {
        written += write(out, left, id, methods, uris); // what came before the end
      }
      ObjectNode last = own.failure().map(why -> failed(id, why)).orElseGet(() -> ended(id));
      written += ReplyWriter.event(out, text(last));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.removeSink(sink);
      own.close(); // the upstream streams opened for this one end with it
    }
    return written;
  }

  private static long write(
      OutputStream out, byte[] message, JsonNode id, Set<String> methods, Set<String> uris)
      throws IOException {
    ObjectNode tagged = message.length == 0 ? null : tag(message, id, methods, uris);
    return tagged == null ? 0 : ReplyWriter.event(out, text(tagged));
  }

  /** The notification methods a SubscriptionFilter opts in to. */
  static Set<String> methods(JsonNode filter) {
    Set<String> methods = new HashSet<>();
    if (filter.path("toolsListChanged").asBoolean(false)) {
      methods.add("notifications/tools/list_changed");
    }
    if (filter.path("promptsListChanged").asBoolean(false)) {
      methods.add("notifications/prompts/list_changed");
    }
    if (filter.path("resourcesListChanged").asBoolean(false)) {
      methods.add("notifications/resources/list_changed");
    }
    return methods;
  }

  /** The resource URIs a SubscriptionFilter was agreed. */
  static Set<String> uris(JsonNode filter) {
    Set<String> uris = new HashSet<>();
    for (JsonNode uri : filter.path("resourceSubscriptions")) {
      uris.add(uri.asText());
    }
    return uris;
  }

  private static ObjectNode acknowledgement(JsonNode id, JsonNode filter) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "notifications/subscriptions/acknowledged");
    ObjectNode params = n.putObject("params");
    params.set("notifications", filter);
    params.putObject("_meta").set(SUBSCRIPTION_ID, id);
    return n;
  }

  /**
   * The notification with the subscription id in its _meta; null when not subscribed to (a resource
   * update counts only for the URIs agreed).
   */
  private static ObjectNode tag(
      byte[] message, JsonNode id, Set<String> methods, Set<String> uris) {
    JsonNode n;
    try {
      n = JsonRpcCodec.MAPPER.readTree(message);
    } catch (IOException e) {
      return null;
    }
    String method = n.path("method").asText();
    boolean wanted =
        methods.contains(method)
            || (method.equals(UPDATED) && uris.contains(n.path("params").path("uri").asText()));
    if (!(n instanceof ObjectNode note) || !wanted) {
      return null;
    }
    ObjectNode params = note.get("params") instanceof ObjectNode p ? p : note.putObject("params");
    ObjectNode meta = params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
    meta.set(SUBSCRIPTION_ID, id);
    return note;
  }

  /** The listen result: the gateway ended the subscription. */
  private static ObjectNode ended(JsonNode id) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("resultType", "complete");
    result.putObject("_meta").set(SUBSCRIPTION_ID, id);
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.set("id", id);
    n.set("result", result);
    return n;
  }

  /**
   * The listen answer when a subscription opened upstream for the stream ended for good: an error,
   * so the client knows its agreement no longer holds and listens again for a new one.
   */
  private static ObjectNode failed(JsonNode id, String why) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.set("id", id);
    ObjectNode error = n.putObject("error");
    error.put("code", JsonRpcError.UPSTREAM_ERROR);
    error.put("message", why + "; listen again to subscribe anew");
    return n;
  }

  private static String text(JsonNode n) {
    return new String(JsonRpcCodec.bytes(n), StandardCharsets.UTF_8);
  }
}
