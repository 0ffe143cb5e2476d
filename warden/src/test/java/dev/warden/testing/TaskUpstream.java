package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.AgentConfig;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import dev.warden.testing.HttpStub.Answer;
import dev.warden.testing.HttpStub.Received;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-built 2025-11-25 upstream that runs tools as tasks (the MCP Java SDK used by the tests has
 * no server-side tasks). It announces {@code tasks{list,cancel,requests.tools.call}}, offers the
 * tool {@code slow} (task support optional; answers "done &lt;text&gt;", or a card number for the
 * text "card"), {@code quick} and {@code batch} (task support required), and answers tasks/get (a
 * task is "working" on its first poll, "completed" after), tasks/result (as an event stream: a
 * status notification, a log message about the task, then the result), tasks/cancel and tasks/list.
 * Its task ids are {@code t-1}, {@code t-2}, … across all its sessions, and tasks/list lists them
 * all, so a gateway that does not filter by session would show another session's tasks.
 */
public final class TaskUpstream implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELATED = "io.modelcontextprotocol/related-task";

  /** The card number a tool called with the text "card" answers with. */
  public static final String CARD = "4111 1111 1111 1111";

  private record Job(String id, String text, String status) {}

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpStub stub;

  private TaskUpstream() throws Exception {
    this.stub = HttpStub.start(this::answer);
  }

  /** A plain server without tasks (one tool, {@code echo}), to sit beside a task upstream. */
  public static HttpStub plain() throws Exception {
    return HttpStub.mcp(Map.of("echo", (id, r) -> HttpStub.result(id, "{\"content\":[]}")));
  }

  /**
   * The gateway the task tests run: this upstream as {@code jobs} and {@code plain} beside it, with
   * the personas {@code all} (every tool), {@code quick-only} ({@code jobs__quick}) and {@code
   * plain-only} (the plain server's tools), and these agents.
   */
  public WardenConfig config(HttpStub plain, AgentConfig... agents) {
    return GatewayHarness.config(
        List.of(
            ServerConfig.streamableHttp("jobs", url()),
            ServerConfig.streamableHttp("plain", plain.url())),
        List.of(
            GatewayHarness.persona("all", "*"),
            GatewayHarness.persona("quick-only", "jobs__quick"),
            GatewayHarness.persona("plain-only", "plain__*")),
        List.of(agents));
  }

  public static TaskUpstream start() throws Exception {
    return new TaskUpstream();
  }

  public URI url() {
    return stub.url();
  }

  /** The JSON-RPC messages received with this method, in order. */
  public List<JsonNode> received(String method) {
    return stub.received().stream()
        .filter(r -> r.method().equals("POST"))
        .map(r -> parse(r.body()))
        .filter(m -> m.path("method").asText().equals(method))
        .toList();
  }

  private Answer answer(Received r) {
    if (!r.method().equals("POST")) {
      return new Answer(r.method().equals("DELETE") ? 200 : 405, null, "");
    }
    JsonNode m = parse(r.body());
    JsonNode id = m.get("id");
    if (id == null) {
      return new Answer(202, null, "");
    }
    JsonNode params = m.path("params");
    return switch (m.path("method").asText()) {
      case "initialize" ->
          new Answer(
              200,
              HttpStub.JSON_TYPE,
              result(
                  id,
                  "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{},"
                      + "\"tasks\":{\"list\":{},\"cancel\":{},"
                      + "\"requests\":{\"tools\":{\"call\":{}}}}},"
                      + "\"serverInfo\":{\"name\":\"tasks\",\"version\":\"1\"}}"),
              List.of("Mcp-Session-Id", "task-upstream"));
      case "tools/list" ->
          json(
              id,
              "{\"tools\":[{\"name\":\"slow\",\"inputSchema\":{\"type\":\"object\"},"
                  + "\"execution\":{\"taskSupport\":\"optional\"}},"
                  + "{\"name\":\"quick\",\"inputSchema\":{\"type\":\"object\"}},"
                  + "{\"name\":\"batch\",\"inputSchema\":{\"type\":\"object\"},"
                  + "\"execution\":{\"taskSupport\":\"required\"}}]}");
      case "tools/call" -> call(id, params);
      case "tasks/get" -> task(id, params, false);
      case "tasks/cancel" -> task(id, params, true);
      case "tasks/result" -> taskResult(id, params);
      case "tasks/list" -> list(id);
      default -> error(id, -32601, "Method not found");
    };
  }

  private Answer call(JsonNode id, JsonNode params) {
    String text = params.path("arguments").path("text").asText("");
    if (!params.has("task")) {
      return json(id, toolResult(answer(text), null).toString());
    }
    Job job = new Job("t-" + ids.incrementAndGet(), text, "working");
    jobs.put(job.id(), job);
    ObjectNode result = JSON.createObjectNode();
    result.set("task", taskJson(job));
    return json(id, result.toString());
  }

  private Answer task(JsonNode id, JsonNode params, boolean cancel) {
    Job job = jobs.get(params.path("taskId").asText());
    if (job == null) {
      return error(id, -32602, "Failed to retrieve task: Task not found");
    }
    if (cancel) {
      Job cancelled = new Job(job.id(), job.text(), "cancelled");
      jobs.put(job.id(), cancelled);
      return json(id, taskJson(cancelled).toString());
    }
    if (job.status().equals("working")) {
      jobs.put(job.id(), new Job(job.id(), job.text(), "completed"));
    }
    return json(id, taskJson(job).toString());
  }

  private Answer taskResult(JsonNode id, JsonNode params) {
    Job job = jobs.get(params.path("taskId").asText());
    if (job == null) {
      return error(id, -32602, "Failed to retrieve task: Task not found");
    }
    Job done = new Job(job.id(), job.text(), "completed");
    jobs.put(job.id(), done);
    ObjectNode status = JSON.createObjectNode();
    status.put("jsonrpc", "2.0");
    status.put("method", "notifications/tasks/status");
    status.set("params", taskJson(done));
    ObjectNode progress = JSON.createObjectNode();
    progress.put("jsonrpc", "2.0");
    progress.put("method", "notifications/message");
    ObjectNode log = progress.putObject("params").put("level", "info").put("data", "finishing");
    log.putObject("_meta").putObject(RELATED).put("taskId", job.id());
    String response = result(id, toolResult(answer(job.text()), job.id()).toString());
    return new Answer(
        200,
        "text/event-stream",
        "event: message\ndata: "
            + status
            + "\n\nevent: message\ndata: "
            + progress
            + "\n\nevent: message\ndata: "
            + response
            + "\n\n");
  }

  /** What a tool answers for {@code text}; "card" gets a payment card number back. */
  private static String answer(String text) {
    return text.equals("card") ? "charged card " + CARD : "done " + text;
  }

  private Answer list(JsonNode id) {
    ObjectNode result = JSON.createObjectNode();
    ArrayNode tasks = result.putArray("tasks");
    jobs.values().stream()
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .forEach(j -> tasks.add(taskJson(j)));
    return json(id, result.toString());
  }

  private static ObjectNode taskJson(Job job) {
    ObjectNode t = JSON.createObjectNode();
    t.put("taskId", job.id());
    t.put("status", job.status());
    t.put("createdAt", "2026-01-01T00:00:00Z");
    t.put("lastUpdatedAt", "2026-01-01T00:00:00Z");
    t.put("ttl", 60000);
    t.put("pollInterval", 10);
    return t;
  }

  private static ObjectNode toolResult(String text, String taskId) {
    ObjectNode result = JSON.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    if (taskId != null) {
      result.putObject("_meta").putObject(RELATED).put("taskId", taskId);
    }
    return result;
  }

  private static String result(JsonNode id, String resultJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + resultJson + "}";
  }

  private static Answer json(JsonNode id, String resultJson) {
    return new Answer(200, HttpStub.JSON_TYPE, result(id, resultJson));
  }

  private static Answer error(JsonNode id, int code, String message) {
    return new Answer(
        200,
        HttpStub.JSON_TYPE,
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"error\":{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\"}}");
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  @Override
  public void close() throws Exception {
    stub.close();
  }
}
