package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcError;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;

/**
 * What the agent gets when the data-protection rules refuse a message: the rule and the type found,
 * never the value, and the audit record to look it up by.
 */
final class Refusals {
  private Refusals() {}

  /**
   * A finished task whose result is blocked: the task stays as the server reported it, but its
   * result is a tool result with isError naming the rule, as a blocked tools/call answers.
   */
  static Reply deniedTask(
      Exchange exchange, Inspection.Blocked b, String reason, ObjectNode response) {
    String rule = "data:" + b.rule();
    exchange.decide(Exchange.Outcome.DENIED, rule);
    ObjectNode task =
        response.get("result") instanceof ObjectNode r
            ? r.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    task.remove("error");
    task.put("status", "completed");
    ObjectNode result = task.putObject("result");
    result
        .putArray("content")
        .addObject()
        .put("type", "text")
        .put("text", new Denial(Denial.Kind.POLICY, rule, reason).message(exchange.id()));
    result.put("isError", true);
    return new Reply.Result(task);
  }

  /** A tool call gets a result with isError naming the rule; other methods a JSON-RPC error. */
  static Reply refuse(Exchange exchange, Inspection.Blocked b, String reason) {
    String rule = "data:" + b.rule();
    if (exchange.method().equals("tools/call") || exchange.method().equals("tasks/result")) {
      return Reply.denied(Denial.Kind.POLICY, rule, reason);
    }
    exchange.decide(Exchange.Outcome.DENIED, rule);
    return new Reply.Failure(
        new JsonRpcError(
            JsonRpcError.INVALID_REQUEST,
            new Denial(Denial.Kind.POLICY, rule, reason).message(exchange.id())));
  }
}
