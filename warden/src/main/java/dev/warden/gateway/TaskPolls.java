package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionTokens;
import dev.warden.mcp.TaskClaims;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.Catalog;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel} from a 2026-07-28 client. The
 * task id is sealed ({@link TaskClaims}), so any replica holding the key serves the poll; it is
 * honoured only for the agent and persona it was issued to, and only while the persona still offers
 * the tool. Anything else is answered as an unknown task and never reaches an upstream. A
 * 2026-07-28 server that announced the extension is asked in its own terms; a 2025-11-25 server
 * gets {@code tasks/get}, and once the task is done {@code tasks/result} (which then no longer
 * blocks), and the answer is shaped as the extension's {@code DetailedTask} with the final result
 * inlined. The answer is handed back as an upstream reply so the sensitive-data stage inspects the
 * result.
 */
final class TaskPolls {
  static final String NOT_FOUND = "Failed to retrieve task: Task not found";

  private final Catalog catalog;
  private final Map<String, UpstreamServer> upstreams;
  private final SessionTokens tokens;

  TaskPolls(Catalog catalog, Map<String, UpstreamServer> upstreams, SessionTokens tokens) {
    this.catalog = catalog;
    this.upstreams = Map.copyOf(upstreams);
    this.tokens = tokens;
  }

  Reply apply(Exchange exchange) {
    McpMessage m = exchange.message();
    String id = m.param("taskId");
    Optional<TaskClaims> found = tokens.openTask(id).filter(c -> owns(exchange, c));
    if (found.isEmpty()) {
      exchange.decide(Exchange.Outcome.ERROR, "task:unknown");
      return new Reply.Failure(new JsonRpcError(JsonRpcError.INVALID_PARAMS, NOT_FOUND));
    }
    TaskClaims task = found.get();
    exchange.route(task.server(), task.tool());
    Session session = exchange.session();
    UpstreamServer server = upstreams.get(task.server());
    UpstreamSession upstream =
        session.upstream(task.server(), s -> server.newSession(session.profile()));
    boolean extension = catalog.view().offersTaskExtension(task.server());
    try {
      return switch (m.method()) {
        case "tasks/get" -> get(exchange, upstream, task, id, extension);
        case "tasks/cancel" -> ack(upstream.call("tasks/cancel", params(task, extension), n -> {}));
        case "tasks/update" -> update(exchange, upstream, task, extension);
        default ->
            new Reply.Failure(
                new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + m.method()));
      };
    } catch (UpstreamException e) {
      String kind = e.kind().name().toLowerCase(Locale.ROOT);
      exchange.upstreamError(kind);
      exchange.decide(Exchange.Outcome.ERROR, "upstream:" + kind);
      return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
    }
  }

  private boolean owns(Exchange exchange, TaskClaims c) {
    return c.agent().equals(exchange.principal().agent())
        && c.persona().equals(exchange.persona())
        && upstreams.containsKey(c.server())
        && exchange.scope().allowsTool(c.tool());
  }

  private static ObjectNode params(TaskClaims task, boolean extension) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("taskId", task.upstreamId());
    if (extension) {
      StatelessTasks.declareTo(params);
    }
    return params;
  }

  private Reply get(
      Exchange exchange, UpstreamSession upstream, TaskClaims task, String id, boolean extension)
      throws UpstreamException {
    ObjectNode answer = upstream.call("tasks/get", params(task, extension), n -> {});
    if (!(answer.get("result") instanceof ObjectNode result)) {
      return failure(answer);
    }
    ObjectNode detailed;
    if (extension) {
      detailed = result.deepCopy();
    } else {
      detailed = TaskShapes.fromLegacy(result);
      String status = detailed.path("status").asText();
      if (status.equals("completed") || status.equals("failed")) {
        // Done, so tasks/result answers at once: its result or error is inlined.
        ObjectNode outcome = upstream.call("tasks/result", params(task, false), n -> {});
        inline(detailed, outcome);
      }
    }
    detailed.put("resultType", "complete");
    detailed.put("taskId", id);
    byte[] response = JsonRpcCodec.result(exchange.message().id(), detailed);
    return new Reply.Relay(
        task.server(),
        new UpstreamReply(
            UpstreamReply.Framing.JSON, new ByteArrayInputStream(response), () -> {}));
  }

  /**
   * A result (a tool result with {@code isError} included) makes the task {@code completed}; a
   * JSON-RPC error makes it {@code failed}, as the extension separates the two.
   */
  private static void inline(ObjectNode detailed, ObjectNode outcome) {
    if (outcome.get("result") instanceof ObjectNode result) {
      if (result.get("_meta") instanceof ObjectNode meta) {
        meta.remove(TaskReplies.RELATED);
        if (meta.isEmpty()) {
          result.remove("_meta");
        }
      }
      detailed.put("status", "completed");
      detailed.set("result", result);
    } else if (outcome.get("error") instanceof ObjectNode error) {
      detailed.put("status", "failed");
      detailed.set("error", error);
    }
  }

  /**
   * A 2025-11-25 task never shows {@code inputRequests} here, so no key is outstanding, and the
   * extension has a server ignore answers to keys that are not: acknowledged as they are.
   */
  private static Reply update(
      Exchange exchange, UpstreamSession upstream, TaskClaims task, boolean extension)
      throws UpstreamException {
    if (!extension) {
      return new Reply.Result(JsonNodeFactory.instance.objectNode());
    }
    ObjectNode params = params(task, true);
    JsonNode responses = exchange.message().params().get("inputResponses");
    if (responses != null) {
      params.set("inputResponses", responses);
    }
    return ack(upstream.call("tasks/update", params, n -> {}));
  }

  /** The extension's empty acknowledgement, or the upstream's error. */
  private static Reply ack(ObjectNode answer) {
    return answer.has("result")
        ? new Reply.Result(JsonNodeFactory.instance.objectNode())
        : failure(answer);
  }

  private static Reply failure(ObjectNode answer) {
    JsonNode error = answer.path("error");
    return new Reply.Failure(
        new JsonRpcError(
            error.path("code").asInt(JsonRpcError.UPSTREAM_ERROR),
            error.path("message").asText("the server gave no answer"),
            error.get("data")));
  }
}
