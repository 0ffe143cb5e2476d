package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A 2025-11-25 Task as the 2026-07-28 tasks extension shapes it: {@code ttl} becomes {@code ttlMs}
 * (null for unlimited), {@code pollInterval} becomes {@code pollIntervalMs}. A task waiting for
 * input ({@code input_required}) is shown as {@code working}: a 2025-11-25 server asks for that
 * input on a blocking {@code tasks/result}, which this era does not have, so Warden cannot surface
 * it as {@code inputRequests}.
 */
final class TaskShapes {
  static final String WAITING_FOR_INPUT =
      "the server waits for input during the task, which Warden cannot relay to a 2026-07-28"
          + " client for this server";

  private TaskShapes() {}

  static ObjectNode fromLegacy(ObjectNode legacy) {
    ObjectNode task = JsonNodeFactory.instance.objectNode();
    task.put("taskId", legacy.path("taskId").asText(""));
    String status = legacy.path("status").asText("working");
    boolean waiting = status.equals("input_required");
    task.put("status", waiting ? "working" : status);
    if (waiting) {
      task.put("statusMessage", WAITING_FOR_INPUT);
    } else if (legacy.path("statusMessage").isTextual()) {
      task.set("statusMessage", legacy.get("statusMessage"));
    }
    copyText(legacy, task, "createdAt");
    copyText(legacy, task, "lastUpdatedAt");
    JsonNode ttl = legacy.get("ttl");
    if (ttl != null && ttl.canConvertToLong()) {
      task.put("ttlMs", ttl.asLong());
    } else {
      task.putNull("ttlMs");
    }
    JsonNode poll = legacy.get("pollInterval");
    if (poll != null && poll.canConvertToLong()) {
      task.put("pollIntervalMs", poll.asLong());
    }
    return task;
  }

  static boolean terminal(String status) {
    return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
  }

  private static void copyText(ObjectNode from, ObjectNode to, String field) {
    if (from.path(field).isTextual()) {
      to.set(field, from.get(field));
    }
  }
}
