package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolVersions;
import dev.warden.mcp.SessionTokens;
import dev.warden.mcp.TaskClaims;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import java.nio.charset.StandardCharsets;

/**
 * Task-augmented {@code tools/call} for 2026-07-28 clients (the {@code
 * io.modelcontextprotocol/tasks} extension). Warden decides per call, as the extension lets a
 * server: a call becomes a task when the client declared the extension on the request and the
 * tool's server runs it as one — a 2025-11-25 server that announced task-augmented tools/call, for
 * a tool whose {@code execution.taskSupport} is {@code optional} or {@code required} (Warden adds
 * {@code params.task}), or a 2026-07-28 server that announced the extension (the declaration goes
 * on, the server decides). The task handle the client gets carries a sealed task id ({@link
 * TaskClaims}); {@link TaskPolls} serves the polls.
 */
final class StatelessTasks {
  static final String EXTENSION = ProtocolVersions.TASKS_EXTENSION;
  static final String CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

  /** How one stateless tools/call is sent upstream. */
  enum Plan {
    /** A plain call: no task. */
    PLAIN,
    /** A 2025-11-25 server runs it as a task: {@code params.task} is added. */
    LEGACY,
    /** A 2026-07-28 server may answer with a task: the extension is declared to it. */
    NATIVE,
    /** The tool runs only as a task, and the client did not declare the extension. */
    MISSING_CAPABILITY
  }

  private final SessionTokens tokens;

  StatelessTasks(SessionTokens tokens) {
    this.tokens = tokens;
  }

  /** Whether the request declared the tasks extension in its per-request capabilities. */
  static boolean declared(McpMessage m) {
    ObjectNode params = m.params();
    return params != null
        && params.path("_meta").path(CAPABILITIES).path("extensions").has(EXTENSION);
  }

  /** Whether a server runs tools as tasks for 2026-07-28 clients, in either era. */
  static boolean offers(CatalogView view, String server) {
    return view.offersToolTasks(server) || view.offersTaskExtension(server);
  }

  static Plan plan(McpMessage m, CatalogView view, CatalogEntry tool) {
    boolean declared = declared(m);
    if (view.offersTaskExtension(tool.server())) {
      return declared ? Plan.NATIVE : Plan.PLAIN;
    }
    if (!view.offersToolTasks(tool.server())) {
      return Plan.PLAIN;
    }
    String support = tool.definition().path("execution").path("taskSupport").asText("forbidden");
    if (support.equals("required")) {
      return declared ? Plan.LEGACY : Plan.MISSING_CAPABILITY;
    }
    return declared && support.equals("optional") ? Plan.LEGACY : Plan.PLAIN;
  }

  /** The upstream request for {@code plan}. A task member the client sent itself is dropped. */
  static ObjectNode amend(ObjectNode request, Plan plan) {
    ObjectNode params = (ObjectNode) request.get("params");
    params.remove("task");
    switch (plan) {
      case LEGACY -> params.putObject("task");
      case NATIVE -> declareTo(params);
      default -> {}
    }
    return request;
  }

  /** Declares the extension in {@code params._meta} for a 2026-07-28 upstream. */
  static void declareTo(ObjectNode params) {
    ObjectNode meta = params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
    meta.putObject(CAPABILITIES).putObject("extensions").putObject(EXTENSION);
  }

  /** The JSON-RPC error for a task-only tool called without the extension (-32003). */
  static JsonRpcError missingCapability(String tool) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.putObject("requiredCapabilities").putObject("extensions").putObject(EXTENSION);
    return new JsonRpcError(
        -32003,
        "Missing required client capability: tool '"
            + tool
            + "' runs only as a task; declare the "
            + EXTENSION
            + " extension",
        data);
  }

  /**
   * The upstream's answer to a task-augmented call, with the task handle the client gets in place
   * of the upstream's: a 2025-11-25 {@code CreateTaskResult} ({@code {task: {...}}}) becomes the
   * extension's flat {@code resultType: "task"} form; a 2026-07-28 one keeps its form. Either way
   * the task id is sealed. Other messages, and a plain result, pass unchanged.
   */
  Reply handles(Exchange exchange, Reply reply) {
    if (!(reply instanceof Reply.Relay relay)) {
      return reply;
    }
    return new TaskReplies(
            exchange.message().id(), result -> handle(exchange, relay.server(), result))
        .relayed(exchange, relay);
  }

  private boolean handle(Exchange exchange, String server, ObjectNode result) {
    JsonNode legacy = result.get("task");
    boolean isNative =
        "task".equals(result.path("resultType").asText()) && result.path("taskId").isTextual();
    if (!(legacy instanceof ObjectNode) && !isNative) {
      return false;
    }
    ObjectNode task = isNative ? result.deepCopy() : TaskShapes.fromLegacy((ObjectNode) legacy);
    String upstreamId = task.path("taskId").asText();
    int length = upstreamId.getBytes(StandardCharsets.UTF_8).length;
    if (length == 0 || length > TaskClaims.MAX_UPSTREAM_ID) {
      result.removeAll();
      result.putArray("content").addObject().put("type", "text").put("text", tooLong(server));
      result.put("isError", true);
      return true;
    }
    TaskClaims claims =
        new TaskClaims(
            tokens.now(),
            exchange.principal().agent(),
            exchange.persona(),
            server,
            exchange.target(),
            upstreamId);
    JsonNode meta = result.get("_meta");
    result.removeAll();
    result.setAll(task);
    result.put("resultType", "task");
    result.put("taskId", tokens.sealTask(claims));
    if (meta != null && !isNative) {
      result.set("_meta", meta);
    }
    return true;
  }

  private static String tooLong(String server) {
    return "server '"
        + server
        + "' started a task whose id Warden cannot hand out (empty or longer"
        + " than "
        + TaskClaims.MAX_UPSTREAM_ID
        + " bytes)";
  }
}
