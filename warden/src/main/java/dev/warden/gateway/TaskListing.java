package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.Session;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tasks/list} for a session: each server the session started tasks on is asked for
 * its list, and only the tasks this session started are kept, under their Warden ids. A server that
 * cannot answer is left out of the list.
 */
final class TaskListing {
  private static final Logger log = LoggerFactory.getLogger(TaskListing.class);
  private static final int MAX_PAGES = 10;

  private TaskListing() {}

  static ObjectNode list(Session session, JsonNode requestId) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode out = result.putArray("tasks");
    for (String server : session.tasks().servers()) {
      Optional<UpstreamSession> upstream = session.openedUpstream(server);
      if (upstream.isPresent()) {
        try {
          listServer(session, server, upstream.get(), requestId, out);
        } catch (UpstreamException | IOException e) {
          log.debug("tasks/list on {} failed: {}", server, e.getMessage());
        }
      }
    }
    return result;
  }

  private static void listServer(
      Session session, String server, UpstreamSession upstream, JsonNode id, ArrayNode out)
      throws UpstreamException, IOException {
    TaskReplies replies = new TaskReplies(session.tasks(), server, "", id);
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode request = JsonNodeFactory.instance.objectNode();
      request.put("jsonrpc", "2.0");
      request.set("id", id);
      request.put("method", "tasks/list");
      ObjectNode params = request.putObject("params");
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      Optional<ObjectNode> result = replies.readResult(upstream.send(JsonRpcCodec.bytes(request)));
      if (result.isEmpty()) {
        return;
      }
      for (JsonNode t : result.get().path("tasks")) {
        if (t instanceof ObjectNode task
            && session.tasks().find(server, task.path("taskId").asText()).isPresent()) {
          ObjectNode copy = task.deepCopy();
          session.tasks().rewrite(copy, server, "");
          out.add(copy);
        }
      }
      JsonNode next = result.get().get("nextCursor");
      if (next == null || !next.isTextual() || next.asText().isEmpty()) {
        return;
      }
      cursor = next.asText();
    }
  }
}
