package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.SessionTasks;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;
import java.util.Optional;

/**
 * {@code tools/call}, plain or as a task, and the 2025-era task requests that follow a
 * task-augmented call ({@code tasks/get}, {@code tasks/result}, {@code tasks/cancel}) to the server
 * that runs the task.
 */
final class ToolCalls {
  private final Catalog catalog;
  private final NamedRequests named;
  private final Forwarder forwarder;
  private final StatelessTasks statelessTasks;

  ToolCalls(
      Catalog catalog, NamedRequests named, Forwarder forwarder, StatelessTasks statelessTasks) {
    this.catalog = catalog;
    this.named = named;
    this.forwarder = forwarder;
    this.statelessTasks = statelessTasks;
  }

  /** A task-augmented call ({@code params.task}) answers with a task under a Warden task id. */
  Reply call(Exchange exchange, boolean stateless) {
    McpMessage m = exchange.message();
    String tool = m.param("name");
    if (stateless) {
      return callStateless(exchange, tool);
    }
    Reply reply = named.forward(exchange, ListKind.TOOLS, JsonRpcError.unknownTool(tool));
    boolean task = m.params() != null && m.params().has("task");
    return task && exchange.session() != null ? withTaskIds(exchange, reply, tool) : reply;
  }

  /** A 2026-07-28 call becomes a task where the client and the tool's server both support it. */
  private Reply callStateless(Exchange exchange, String tool) {
    CatalogView view = catalog.view();
    Optional<CatalogEntry> entry = view.find(ListKind.TOOLS, tool);
    ParamHeaderCheck.Outcome headers =
        entry.isEmpty()
            ? ParamHeaderCheck.NONE
            : ParamHeaderCheck.check(exchange, entry.get().headerParams());
    if (headers.refused() != null) {
      return headers.refused();
    }
    StatelessTasks.Plan plan =
        entry
            .map(e -> StatelessTasks.plan(exchange.message(), view, e))
            .orElse(StatelessTasks.Plan.PLAIN);
    if (plan == StatelessTasks.Plan.MISSING_CAPABILITY) {
      exchange.decide(Exchange.Outcome.ERROR, "task:capability");
      return new Reply.Failure(StatelessTasks.missingCapability(tool));
    }
    Reply reply =
        named.forward(
            exchange,
            ListKind.TOOLS,
            JsonRpcError.unknownTool(tool),
            request -> StatelessTasks.amend(request, plan),
            headers.passedOn());
    return plan == StatelessTasks.Plan.PLAIN ? reply : statelessTasks.handles(exchange, reply);
  }

  /**
   * tasks/get, tasks/result, tasks/cancel: only a task this session started is found; it goes to
   * the server that runs it, under that server's own task id.
   */
  Reply forwardTask(Exchange exchange) {
    String id = exchange.message().param("taskId");
    Optional<SessionTasks.Task> task =
        exchange.session() == null ? Optional.empty() : exchange.session().tasks().find(id);
    if (task.isEmpty()) {
      exchange.decide(Exchange.Outcome.ERROR, "task:unknown");
      return new Reply.Failure(
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Failed to retrieve task: Task not found"));
    }
    SessionTasks.Task t = task.get();
    exchange.route(t.server(), t.tool());
    ObjectNode request = UpstreamRequests.copy(exchange);
    ((ObjectNode) request.get("params")).put("taskId", t.upstreamId());
    return withTaskIds(
        exchange, forwarder.forward(exchange, t.server(), JsonRpcCodec.bytes(request)), t.tool());
  }

  private static Reply withTaskIds(Exchange exchange, Reply reply, String tool) {
    if (!(reply instanceof Reply.Relay relay)) {
      return reply;
    }
    return new TaskReplies(
            exchange.session().tasks(), relay.server(), tool, exchange.message().id())
        .relayed(exchange, relay);
  }
}
