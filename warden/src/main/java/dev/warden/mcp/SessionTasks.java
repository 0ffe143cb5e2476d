package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks (2025-11-25 {@code tasks}) a downstream session started on its upstreams. A client sees
 * only Warden task ids, {@code <server>.<base64url(upstream id)>}; each is honoured only when this
 * session learned it from its own upstream session, so a guessed id, or one from another session,
 * names nothing here and never reaches an upstream.
 */
public final class SessionTasks {
  /** Tasks remembered per session; the oldest is forgotten past this. */
  public static final int MAX_TASKS = 1024;

  /** A task the session started: where it runs, under which id there, and what tool it runs. */
  public record Task(String id, String server, String upstreamId, String tool) {}

  private final Map<String, Task> byId =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Task> eldest) {
          return size() > MAX_TASKS;
        }
      };

  /** The Warden id of {@code upstreamId} on {@code server}; remembered for this session. */
  public synchronized String expose(String server, String upstreamId, String tool) {
    String id = idOf(server, upstreamId);
    Task known = byId.get(id);
    if (known == null || (known.tool().isEmpty() && !tool.isEmpty())) {
      byId.put(id, new Task(id, server, upstreamId, tool));
    }
    return id;
  }

  /** The task a client names, when this session started it. */
  public synchronized Optional<Task> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The task {@code upstreamId} on {@code server}, when this session started it. */
  public Optional<Task> find(String server, String upstreamId) {
    return find(idOf(server, upstreamId));
  }

  /** Every task this session started, oldest first. */
  public synchronized List<Task> all() {
    return new ArrayList<>(byId.values());
  }

  /** Servers this session started tasks on, in first-use order. */
  public synchronized List<String> servers() {
    return byId.values().stream().map(Task::server).distinct().toList();
  }

  static String idOf(String server, String upstreamId) {
    return server
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(upstreamId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces the upstream task id in a Task object (a {@code taskId} field) by its Warden id;
   * returns false when the object carries none.
   */
  public boolean rewrite(JsonNode task, String server, String tool) {
    if (task instanceof ObjectNode o && o.path("taskId").isTextual()) {
      o.put("taskId", expose(server, o.get("taskId").asText(), tool));
      return true;
    }
    return false;
  }
}
