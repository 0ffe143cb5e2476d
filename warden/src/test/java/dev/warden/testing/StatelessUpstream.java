package dev.warden.testing;

import static dev.warden.testing.JsonRpcReplies.error;
import static dev.warden.testing.JsonRpcReplies.reply;
import static dev.warden.testing.JsonRpcReplies.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.config.UpstreamProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A small MCP server that speaks only protocol 2026-07-28 over Streamable HTTP, written by hand as
 * a Jetty handler because no SDK speaks that revision yet. It checks what the specification has a
 * server check (version header equal to {@code _meta}, {@code Mcp-Method} and {@code Mcp-Name}
 * equal to the body, client capabilities present), answers {@code initialize} as a 2026-only server
 * does (400), and records every request. Tools: {@code echo} (answered on an event stream with a
 * progress notification first), {@code ask_name} (returns {@code input_required} with an
 * elicitation until the retry carries its answer and the request state), {@code cached} (a result
 * carrying cache hints), {@code slow} (progress every 100 ms for 20 s, recording a client that
 * closes the stream before the end) and {@code route} (its {@code region} argument mirrored in
 * {@code Mcp-Param-Region}, which the server checks as the specification has it).
 */
public final class StatelessUpstream implements AutoCloseable {
  public static final String VERSION = "2026-07-28";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE = "opaque-state-7";
  private static final String TASKS = "io.modelcontextprotocol/tasks";

  /** The card number in the result of the task of {@code long_job}. */
  public static final String CARD = "5555 5555 5555 4444";

  private final Server server = new Server();
  private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  private final List<String> closedByClient = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<String> listenEvents = new LinkedBlockingQueue<>();
  private final boolean tasks;
  private final java.util.concurrent.atomic.AtomicInteger polls =
      new java.util.concurrent.atomic.AtomicInteger();

  private StatelessUpstream(boolean tasks) {
    this.tasks = tasks;
  }

  public static StatelessUpstream start() throws Exception {
    return start(false);
  }

  /**
   * With the tasks extension: discover announces it, and the tool {@code long_job} answers a
   * request that declared the extension with the task {@code n-1}, which is "working" on its first
   * {@code tasks/get} and "completed" after, with a result carrying {@link #CARD}.
   */
  public static StatelessUpstream startWithTasks() throws Exception {
    return start(true);
  }

  private static StatelessUpstream start(boolean tasks) throws Exception {
    StatelessUpstream u = new StatelessUpstream(tasks);
    ServerConnector c = new ServerConnector(u.server);
    c.setHost("127.0.0.1");
    u.server.addConnector(c);
    u.server.setHandler(u.new Endpoint());
    u.server.start();
    return u;
  }

  /** This upstream as a 2026-07-28 server of the gateway's registry, named {@code name}. */
  public ServerConfig server(String name) {
    return ServerConfig.streamableHttp(name, url()).withProtocol(UpstreamProtocol.STATELESS);
  }

  public URI url() {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  /** Every request body received, parsed. */
  public List<ObjectNode> received() {
    return received;
  }

  /** The request headers of every POST, in order. */
  public List<Map<String, String>> headers() {
    return headers;
  }

  /**
   * The request headers of the {@code tool} call whose argument {@code property} was {@code value};
   * fails when none was received.
   */
  public Map<String, String> headersOfCall(String tool, String property, String value) {
    for (int i = 0; i < received.size(); i++) {
      ObjectNode body = received.get(i);
      if (body.path("params").path("name").asText().equals(tool)
          && body.path("params").path("arguments").path(property).asText().equals(value)) {
        return headers.get(i);
      }
    }
    throw new AssertionError("no " + tool + " call with " + property + " " + value + " arrived");
  }

  /** The ids of {@code slow} calls whose client closed the stream before the end. */
  public List<String> closedByClient() {
    return closedByClient;
  }

  /** Announces a tools list change on every open listen stream. */
  public void changeTools() {
    listenEvents.add("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
  }

  @Override
  public void close() throws Exception {
    listenEvents.add("");
    server.stop();
  }

  private final class Endpoint extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!"POST".equals(request.getMethod())) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
        reply(response, callback, 405, null);
        return true;
      }
      ObjectNode body = (ObjectNode) JSON.readTree(Content.Source.asString(request));
      received.add(body);
      Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.getHeaders().forEach(f -> h.put(f.getName(), f.getValue()));
      headers.add(h);
      String refused = check(body, h);
      if (refused != null) {
        int code = refused.startsWith("version") ? -32022 : -32020;
        reply(response, callback, 400, error(body.get("id"), code, refused));
        return true;
      }
      String method = body.path("method").asText();
      JsonNode id = body.get("id");
      switch (method) {
        case "server/discover" -> reply(response, callback, 200, result(id, discover()));
        case "tools/list" -> reply(response, callback, 200, result(id, tools()));
        case "tools/call" -> call(body, response, callback);
        case "subscriptions/listen" -> listen(id, response, callback);
        case "tasks/get" -> reply(response, callback, 200, result(id, task(body)));
        case "tasks/update", "tasks/cancel" ->
            reply(
                response,
                callback,
                200,
                result(id, JSON.createObjectNode().put("resultType", "complete")));
        default -> reply(response, callback, 404, error(id, -32601, "Method not found"));
      }
      return true;
    }

    private String check(ObjectNode body, Map<String, String> h) {
      JsonNode meta = body.path("params").path("_meta");
      if (!VERSION.equals(h.get("MCP-Protocol-Version"))
          || !VERSION.equals(meta.path("io.modelcontextprotocol/protocolVersion").asText())) {
        return "version: this server speaks only " + VERSION;
      }
      if (!meta.path("io.modelcontextprotocol/clientCapabilities").isObject()) {
        return "clientCapabilities missing";
      }
      if (!body.path("method").asText().equals(h.get("Mcp-Method"))) {
        return "Mcp-Method does not match the body";
      }
      if (body.path("method").asText().equals("tools/call")
          && !body.path("params").path("name").asText().equals(h.get("Mcp-Name"))) {
        return "Mcp-Name does not match the body";
      }
      String region = body.path("params").path("arguments").path("region").asText(null);
      if (body.path("params").path("name").asText().equals("route")
          && region != null
          && !region.equals(decode(h.get("Mcp-Param-Region")))) {
        return "Mcp-Param-Region does not match arguments.region";
      }
      if (body.path("method").asText().startsWith("tasks/")
          && !body.path("params").path("taskId").asText().equals(h.get("Mcp-Name"))) {
        return "Mcp-Name does not match the task id";
      }
      return null;
    }

    private void call(ObjectNode body, Response response, Callback callback) throws IOException {
      JsonNode params = body.path("params");
      JsonNode id = body.get("id");
      switch (params.path("name").asText()) {
        case "echo" -> {
          String text = "echo: " + params.path("arguments").path("text").asText();
          ObjectNode result = JSON.createObjectNode().put("resultType", "complete");
          result.putArray("content").addObject().put("type", "text").put("text", text);
          String progress =
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                  + "{\"progressToken\":\"tok-echo\",\"progress\":1}}";
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
          try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(("data: " + progress + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.write(("data: " + result(id, result) + "\n\n").getBytes(StandardCharsets.UTF_8));
          }
          callback.succeeded();
        }
        case "ask_name" -> reply(response, callback, 200, result(id, askName(params)));
        case "cached" -> {
          ObjectNode result =
              JSON.createObjectNode()
                  .put("resultType", "complete")
                  .put("ttlMs", 1000)
                  .put("cacheScope", "public");
          result.putArray("content").addObject().put("type", "text").put("text", "cached");
          reply(response, callback, 200, result(id, result));
        }
        case "long_job" -> reply(response, callback, 200, result(id, longJob(params)));
        case "slow" -> slow(id, response, callback);
        case "route" -> {
          ObjectNode result = JSON.createObjectNode().put("resultType", "complete");
          String text = "routed to " + params.path("arguments").path("region").asText();
          result.putArray("content").addObject().put("type", "text").put("text", text);
          reply(response, callback, 200, result(id, result));
        }
        default -> reply(response, callback, 200, error(id, -32602, "Unknown tool"));
      }
    }

    /** Streams a progress event every 100 ms for 20 s, until the client closes the stream. */
    private void slow(JsonNode id, Response response, Callback callback) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
      String progress =
          "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
              + "{\"progressToken\":\"tok-slow\",\"progress\":1}}\n\n";
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        for (int i = 0; i < 200; i++) {
          out.write(progress.getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(100);
        }
        ObjectNode result = JSON.createObjectNode().put("resultType", "complete");
        result.putArray("content").addObject().put("type", "text").put("text", "slept");
        out.write(("data: " + result(id, result) + "\n\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        closedByClient.add(id.asText());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      callback.succeeded();
    }

    private ObjectNode longJob(JsonNode params) {
      JsonNode caps = params.path("_meta").path("io.modelcontextprotocol/clientCapabilities");
      if (!caps.path("extensions").has(TASKS)) {
        ObjectNode result = JSON.createObjectNode().put("resultType", "complete");
        result.putArray("content").addObject().put("type", "text").put("text", "no task");
        return result;
      }
      return taskJson("working").put("resultType", "task");
    }

    private ObjectNode task(JsonNode body) {
      if (!body.path("params").path("taskId").asText().equals("n-1")) {
        return JSON.createObjectNode().put("resultType", "complete").put("unknown", true);
      }
      boolean first = polls.getAndIncrement() == 0;
      ObjectNode task = taskJson(first ? "working" : "completed").put("resultType", "complete");
      if (!first) {
        task.putObject("result")
            .putArray("content")
            .addObject()
            .put("type", "text")
            .put("text", "paid with " + CARD);
      }
      return task;
    }

    private ObjectNode askName(JsonNode params) {
      JsonNode answer = params.path("inputResponses").path("who");
      ObjectNode result = JSON.createObjectNode();
      if (answer.isObject() && STATE.equals(params.path("requestState").asText())) {
        result.put("resultType", "complete");
        result
            .putArray("content")
            .addObject()
            .put("type", "text")
            .put(
                "text",
                "hello "
                    + answer.path("action").asText()
                    + " "
                    + answer.path("content").path("name").asText());
        return result;
      }
      result.put("resultType", "input_required");
      ObjectNode ask = result.putObject("inputRequests").putObject("who");
      ask.put("method", "elicitation/create");
      ObjectNode p = ask.putObject("params");
      p.put("mode", "form");
      p.put("message", "Your name?");
      ObjectNode schema = p.putObject("requestedSchema").put("type", "object");
      schema.putObject("properties").putObject("name").put("type", "string");
      result.put("requestState", STATE);
      return result;
    }

    private void listen(JsonNode id, Response response, Callback callback) throws IOException {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        String ack =
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\","
                + "\"params\":{\"notifications\":{\"toolsListChanged\":true}}}";
        out.write(("data: " + ack + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (server.isRunning()) {
          String event = listenEvents.poll(200, TimeUnit.MILLISECONDS);
          if (event != null && !event.isEmpty()) {
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          } else if (event != null) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      callback.succeeded();
    }
  }

  private static ObjectNode taskJson(String status) {
    return JSON.createObjectNode()
        .put("taskId", "n-1")
        .put("status", status)
        .put("createdAt", "2026-01-01T00:00:00Z")
        .put("lastUpdatedAt", "2026-01-01T00:00:00Z")
        .put("ttlMs", 30000)
        .put("pollIntervalMs", 5);
  }

  private ObjectNode discover() {
    ObjectNode d = JSON.createObjectNode().put("resultType", "complete");
    d.putArray("supportedVersions").add(VERSION);
    ObjectNode caps = d.putObject("capabilities");
    caps.putObject("tools").put("listChanged", true);
    if (tasks) {
      caps.putObject("extensions").putObject(TASKS);
    }
    d.put("ttlMs", 60000).put("cacheScope", "public");
    d.putObject("_meta")
        .putObject("io.modelcontextprotocol/serverInfo")
        .put("name", "stateless-upstream")
        .put("version", "1");
    return d;
  }

  private ObjectNode tools() {
    ObjectNode r = JSON.createObjectNode().put("resultType", "complete");
    var tools = r.putArray("tools");
    List<String> names =
        tasks
            ? List.of("echo", "ask_name", "cached", "long_job")
            : List.of("echo", "ask_name", "cached", "slow");
    for (String name : names) {
      ObjectNode t = tools.addObject().put("name", name).put("description", "tool " + name);
      t.putObject("inputSchema").put("type", "object");
    }
    if (!tasks) {
      ObjectNode route = tools.addObject().put("name", "route").put("description", "by region");
      ObjectNode schema = route.putObject("inputSchema").put("type", "object");
      schema
          .putObject("properties")
          .putObject("region")
          .put("type", "string")
          .put("x-mcp-header", "Region");
    }
    r.put("ttlMs", 60000).put("cacheScope", "public");
    return r;
  }

  /** A header value of that era: the base64 form decoded, others as they are. */
  private static String decode(String header) {
    if (header == null || !header.startsWith("=?base64?") || !header.endsWith("?=")) {
      return header;
    }
    String encoded = header.substring("=?base64?".length(), header.length() - 2);
    return new String(java.util.Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
