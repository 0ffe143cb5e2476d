package dev.warden.testing;

import static dev.warden.testing.JsonRpcReplies.error;
import static dev.warden.testing.JsonRpcReplies.reply;
import static dev.warden.testing.JsonRpcReplies.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ProcessOptions;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.UpstreamProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A hand-built MCP server of protocol 2026-07-28 that offers resources and takes subscriptions to
 * them the way that era has it: {@code server/discover} announces {@code resources.subscribe}, and
 * a {@code subscriptions/listen} whose filter names {@code resourceSubscriptions} is acknowledged
 * for the URIs it lists (or that match its template) and has not been told to refuse, then carries
 * {@code notifications/resources/updated} for them. It checks the version, method and capability
 * members every request of that era carries, records every request and its headers, counts the
 * listen streams open and those whose client closed them, and can end them, refuse new ones, or
 * leave one unacknowledged ({@link #SILENT}).
 */
public final class StatelessResourceServer implements AutoCloseable {
  public static final String VERSION = "2026-07-28";

  /** A listen whose filter names this URI is never acknowledged: the stream stays silent. */
  public static final String SILENT = "notes://silent";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String END = "";

  private final Server server = new Server();
  private final List<String> resources;
  private final String templatePrefix;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> listenHeaders = new CopyOnWriteArrayList<>();
  private final Set<Listen> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private volatile boolean refuseListens;

  /** One listen stream: the URIs it acknowledged and what is still to be written on it. */
  private record Listen(List<String> uris, LinkedBlockingQueue<String> events) {}

  private StatelessResourceServer(List<String> resources, String templatePrefix) {
    this.resources = List.copyOf(resources);
    this.templatePrefix = templatePrefix;
  }

  /** Lists {@code resources} and the template {@code templatePrefix + "{id}"}. */
  public static StatelessResourceServer start(String templatePrefix, String... resources)
      throws Exception {
    StatelessResourceServer s = new StatelessResourceServer(List.of(resources), templatePrefix);
    ServerConnector c = new ServerConnector(s.server);
    c.setHost("127.0.0.1");
    s.server.addConnector(c);
    s.server.setHandler(s.new Endpoint());
    s.server.start();
    return s;
  }

  /** This server in the registry as {@code name}, sending {@code headers}, with {@code timeout}. */
  public ServerConfig server(String name, Map<String, Secret> headers, Duration timeout) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return new ServerConfig(
        name,
        dev.warden.config.Transport.STREAMABLE_HTTP,
        URI.create("http://127.0.0.1:" + port + "/mcp"),
        headers,
        List.of(),
        Map.of(),
        timeout,
        ServerConfig.DEFAULT_CONNECT_TIMEOUT,
        List.of(),
        ProcessOptions.DEFAULT,
        UpstreamProtocol.STATELESS);
  }

  /** Never acknowledges {@code uri}. */
  public void refuse(String uri) {
    refused.add(uri);
  }

  /** From now on, listen requests are answered with HTTP 503. */
  public void refuseListens() {
    refuseListens = true;
  }

  /** Every request body received, parsed. */
  public List<ObjectNode> received() {
    return received;
  }

  /** The bodies of the subscriptions/listen requests received. */
  public List<ObjectNode> listens() {
    return received.stream()
        .filter(b -> b.path("method").asText().equals("subscriptions/listen"))
        .toList();
  }

  /** The headers of every subscriptions/listen request, in order. */
  public List<Map<String, String>> listenHeaders() {
    return listenHeaders;
  }

  /** The listen streams open now. */
  public int openListens() {
    return open.size();
  }

  /** The listen streams whose client closed them. */
  public int closedByClient() {
    return closedByClient.get();
  }

  /** Announces an update of {@code uri} on each open stream that acknowledged it. */
  public void updated(String uri) {
    for (Listen l : open) {
      if (l.uris().contains(uri)) {
        l.events().add(notification(uri));
      }
    }
  }

  /** Sends an update of {@code uri} on every open stream, acknowledged or not (a stray one). */
  public void strayUpdate(String uri) {
    open.forEach(l -> l.events().add(notification(uri)));
  }

  /** Ends every open stream with the listen result, as a server that ends its subscriptions. */
  public void endListens() {
    open.forEach(l -> l.events().add(END));
  }

  @Override
  public void close() throws Exception {
    endListens();
    server.stop();
  }

  private static String notification(String uri) {
    ObjectNode n = JSON.createObjectNode().put("jsonrpc", "2.0");
    n.put("method", "notifications/resources/updated");
    ObjectNode params = n.putObject("params").put("uri", uri);
    params.putObject("_meta").put("io.modelcontextprotocol/subscriptionId", "upstream-own-id");
    return n.toString();
  }

  private boolean owns(String uri) {
    return resources.contains(uri) || (templatePrefix != null && uri.startsWith(templatePrefix));
  }

  private final class Endpoint extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!"POST".equals(request.getMethod())) {
        reply(response, callback, 405, null);
        return true;
      }
      ObjectNode body = (ObjectNode) JSON.readTree(Content.Source.asString(request));
      received.add(body);
      Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.getHeaders().forEach(f -> h.put(f.getName(), f.getValue()));
      JsonNode id = body.get("id");
      String method = body.path("method").asText();
      JsonNode meta = body.path("params").path("_meta");
      if (!VERSION.equals(h.get("MCP-Protocol-Version"))
          || !VERSION.equals(meta.path("io.modelcontextprotocol/protocolVersion").asText())
          || !meta.path("io.modelcontextprotocol/clientCapabilities").isObject()
          || !method.equals(h.get("Mcp-Method"))) {
        reply(response, callback, 400, error(id, -32020, "headers or _meta do not match"));
        return true;
      }
      switch (method) {
        case "server/discover" -> reply(response, callback, 200, result(id, discover()));
        case "resources/list" -> reply(response, callback, 200, result(id, list()));
        case "resources/templates/list" -> reply(response, callback, 200, result(id, templates()));
        case "resources/read" -> reply(response, callback, 200, result(id, read(body)));
        case "subscriptions/listen" -> {
          listenHeaders.add(h);
          listen(id, body, response, callback);
        }
        default -> reply(response, callback, 404, error(id, -32601, "Method not found"));
      }
      return true;
    }

    private void listen(JsonNode id, ObjectNode body, Response response, Callback callback) {
      if (refuseListens) {
        reply(response, callback, 503, null);
        return;
      }
      List<String> uris = new java.util.ArrayList<>();
      for (JsonNode uri : body.path("params").path("notifications").path("resourceSubscriptions")) {
        if (owns(uri.asText()) && !refused.contains(uri.asText())) {
          uris.add(uri.asText());
        }
      }
      ArrayNode acknowledged = JSON.createArrayNode();
      uris.forEach(acknowledged::add);
      Listen l = new Listen(List.copyOf(uris), new LinkedBlockingQueue<>());
      open.add(l);
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        ObjectNode ack = JSON.createObjectNode().put("jsonrpc", "2.0");
        ack.put("method", "notifications/subscriptions/acknowledged");
        ack.putObject("params")
            .putObject("notifications")
            .set("resourceSubscriptions", acknowledged);
        if (!uris.contains(SILENT)) {
          write(out, "data: " + ack + "\n\n");
        }
        while (server.isRunning()) {
          String event = l.events().poll(100, TimeUnit.MILLISECONDS);
          if (event == null) {
            write(out, ": ping\n\n"); // a client that left shows here
          } else if (event.equals(END)) {
            ObjectNode done = JSON.createObjectNode().put("resultType", "complete");
            write(out, "data: " + result(id, done) + "\n\n");
            break;
          } else {
            write(out, "data: " + event + "\n\n");
          }
        }
      } catch (IOException e) {
        closedByClient.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        open.remove(l);
      }
      callback.succeeded();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private ObjectNode discover() {
    ObjectNode d = JSON.createObjectNode().put("resultType", "complete");
    d.putArray("supportedVersions").add(VERSION);
    d.putObject("capabilities").putObject("resources").put("subscribe", true);
    d.putObject("_meta")
        .putObject("io.modelcontextprotocol/serverInfo")
        .put("name", "stateless-resources")
        .put("version", "1");
    return d;
  }

  private ObjectNode list() {
    ObjectNode r = JSON.createObjectNode().put("resultType", "complete");
    ArrayNode items = r.putArray("resources");
    for (String uri : resources) {
      items.addObject().put("uri", uri).put("name", uri.replaceAll("[^a-z]", ""));
    }
    return r.put("ttlMs", 60000).put("cacheScope", "public");
  }

  private static ObjectNode read(ObjectNode body) {
    String uri = body.path("params").path("uri").asText();
    ObjectNode r = JSON.createObjectNode().put("resultType", "complete");
    r.putArray("contents")
        .addObject()
        .put("uri", uri)
        .put("mimeType", "text/plain")
        .put("text", "contents of " + uri);
    return r.put("ttlMs", 0).put("cacheScope", "private");
  }

  private ObjectNode templates() {
    ObjectNode r = JSON.createObjectNode().put("resultType", "complete");
    ArrayNode items = r.putArray("resourceTemplates");
    if (templatePrefix != null) {
      items.addObject().put("uriTemplate", templatePrefix + "{id}").put("name", "template");
    }
    return r.put("ttlMs", 60000).put("cacheScope", "public");
  }
}
