package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.SessionTasks;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamReply;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rewrites the upstream task ids in an upstream's reply to Warden task ids, as the reply streams
 * by: in the response to the request (a CreateTaskResult's {@code task}, a Task result, a tool
 * result's or an error's related-task {@code _meta}, a list's {@code tasks}), in {@code
 * notifications/tasks/status}, and in the related-task {@code _meta} of other messages the upstream
 * sends on the way (progress, log messages, requests). Everything else passes unchanged, in order,
 * so requests the upstream sends while a task result is awaited still reach the client.
 */
final class TaskReplies {
  static final String RELATED = "io.modelcontextprotocol/related-task";
  static final String STATUS = "notifications/tasks/status";
  private static final int MAX_MESSAGE = 64 * 1024 * 1024;

  private final SessionTasks tasks;
  private final String server;
  private final String tool;
  private final JsonNode requestId;

  private final Predicate<ObjectNode> onResult;
  private final Runnable onError;

  /** {@code tool}: the exposed name of the tool the task runs, "" when not known here. */
  TaskReplies(SessionTasks tasks, String server, String tool, JsonNode requestId) {
    this.tasks = tasks;
    this.server = server;
    this.tool = tool;
    this.requestId = requestId;
    this.onResult = this::result;
    this.onError = () -> {};
  }

  /**
   * Rewrites only the result of the response to {@code requestId}, with {@code onResult} (true when
   * it changed the result); every other message passes unchanged.
   */
  TaskReplies(JsonNode requestId, Predicate<ObjectNode> onResult) {
    this(requestId, onResult, () -> {});
  }

  /** As above; {@code onError} runs when the response to {@code requestId} is an error. */
  TaskReplies(JsonNode requestId, Predicate<ObjectNode> onResult, Runnable onError) {
    this.tasks = null;
    this.server = "";
    this.tool = "";
    this.requestId = requestId;
    this.onResult = onResult;
    this.onError = onError;
  }

  /**
   * The relayed answer with its task ids rewritten; when the upstream broke off before its answer
   * could be read, the error the agent gets instead.
   */
  Reply relayed(Exchange exchange, Reply.Relay relay) {
    try {
      return new Reply.Relay(relay.server(), rewrite(relay.upstream()));
    } catch (IOException e) {
      relay.upstream().abort();
      exchange.decide(Exchange.Outcome.ERROR, "upstream:unreachable");
      return new Reply.Failure(
          new JsonRpcError(
              JsonRpcError.UPSTREAM_ERROR,
              "upstream '" + relay.server() + "' broke off its answer"));
    }
  }

  /** {@code reply} with its task ids rewritten; same framing. */
  UpstreamReply rewrite(UpstreamReply reply) throws IOException {
    if (reply.framing() == UpstreamReply.Framing.JSON) {
      byte[] body = reply.readWhole(MAX_MESSAGE);
      reply.close();
      byte[] out =
          body.length > MAX_MESSAGE
              ? body
              : message(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      return new UpstreamReply(UpstreamReply.Framing.JSON, new ByteArrayInputStream(out), () -> {});
    }
    return new UpstreamReply(UpstreamReply.Framing.SSE, new Events(reply), reply::abort);
  }

  /** One JSON-RPC message, rewritten when it carries task ids; unchanged otherwise. */
  String message(String json) {
    JsonNode tree;
    try {
      tree = JsonRpcCodec.MAPPER.readTree(json);
    } catch (IOException e) {
      return json;
    }
    if (!(tree instanceof ObjectNode m)) {
      return json;
    }
    boolean changed = false;
    if (m.path("method").isTextual()) {
      if (tasks == null) {
        return json;
      }
      // Status notifications are Tasks; progress, log messages and requests the upstream sends
      // about a task name it in their related-task _meta.
      changed =
          STATUS.equals(m.path("method").asText()) && tasks.rewrite(m.get("params"), server, tool);
      changed |= tasks.rewrite(m.path("params").path("_meta").get(RELATED), server, tool);
    } else if (requestId != null && requestId.equals(m.get("id"))) {
      if (m.get("result") instanceof ObjectNode result) {
        changed = onResult.test(result);
      } else if (m.has("error")) {
        onError.run();
      }
      changed |=
          tasks != null
              && tasks.rewrite(
                  m.path("error").path("data").path("_meta").get(RELATED), server, tool);
    }
    return changed ? new String(JsonRpcCodec.bytes(m), StandardCharsets.UTF_8) : json;
  }

  /** Rewrites every place a result names a task; true when one was found. */
  boolean result(ObjectNode result) {
    boolean changed = tasks.rewrite(result, server, tool);
    changed |= tasks.rewrite(result.get("task"), server, tool);
    changed |= tasks.rewrite(result.path("_meta").get(RELATED), server, tool);
    for (JsonNode t : result.path("tasks")) {
      changed |= tasks.rewrite(t, server, tool);
    }
    return changed;
  }

  /** The result of the response to the request, read whole; empty on an error or no answer. */
  Optional<ObjectNode> readResult(UpstreamReply reply) throws IOException {
    try (reply) {
      if (reply.framing() == UpstreamReply.Framing.JSON) {
        return resultOf(new String(reply.body().readNBytes(MAX_MESSAGE), StandardCharsets.UTF_8));
      }
      SseReader events = new SseReader(reply.body(), MAX_MESSAGE);
      for (SseEvent e = events.next(); e != null; e = events.next()) {
        Optional<ObjectNode> r = e.isMessage() ? resultOf(e.data()) : Optional.empty();
        if (r.isPresent()) {
          return r;
        }
      }
      return Optional.empty();
    }
  }

  private Optional<ObjectNode> resultOf(String json) throws IOException {
    JsonNode m = JsonRpcCodec.MAPPER.readTree(json);
    return m != null && requestId.equals(m.get("id")) && m.get("result") instanceof ObjectNode r
        ? Optional.of(r)
        : Optional.empty();
  }

  /** The upstream's event stream, re-framed event by event with task ids rewritten. */
  private final class Events extends InputStream {
    private final UpstreamReply upstream;
    private final SseReader events;
    private byte[] buffer = new byte[0];
    private int position;
    private boolean ended;

    Events(UpstreamReply upstream) {
      this.upstream = upstream;
      this.events = new SseReader(upstream.body(), MAX_MESSAGE);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position >= buffer.length) {
        if (ended) {
          return -1;
        }
        SseEvent e = events.next();
        if (e == null) {
          ended = true;
          return -1;
        }
        buffer = frame(e).getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      int n = Math.min(len, buffer.length - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      return n;
    }

    private String frame(SseEvent e) {
      StringBuilder out = new StringBuilder();
      if (e.event() != null && !e.event().isEmpty()) {
        out.append("event: ").append(e.event()).append('\n');
      }
      if (e.id() != null && !e.id().isEmpty()) {
        out.append("id: ").append(e.id()).append('\n');
      }
      String data = e.isMessage() && !e.data().isBlank() ? message(e.data()) : e.data();
      for (String line : data.split("\n", -1)) {
        out.append("data: ").append(line).append('\n');
      }
      return out.append('\n').toString();
    }

    @Override
    public void close() {
      upstream.close();
    }
  }
}
