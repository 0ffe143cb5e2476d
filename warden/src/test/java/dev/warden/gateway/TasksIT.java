package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.config.DataProtectionConfig.Trust;
import dev.warden.config.WardenConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.HttpStub;
import dev.warden.testing.RawMcp;
import dev.warden.testing.TaskUpstream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MCP tasks (2025-11-25) relayed through the gateway, driven with raw JSON-RPC. The upstream is
 * {@link TaskUpstream}, hand-built because the MCP Java SDK used by the tests has no server-side
 * tasks; a plain {@link HttpStub} server without tasks sits beside it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TasksIT {
  private static final String KEY = "tasks-agent-key-0123456789";

  @Test
  void relaysTasksUnderSessionBoundIds() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = harness(jobs, plain)) {
      RawMcp raw = harness.raw("all", KEY);
      JsonNode init = raw.initializeReply(RawMcp.VERSION).result();
      assertThat(init.path("capabilities").path("tasks").path("requests").path("tools").has("call"))
          .isTrue();
      String session = raw.initialize();

      String first = startTask(raw, session, "hello");
      assertThat(first).startsWith("jobs.").isNotEqualTo("t-1").doesNotContain("t-1");
      JsonNode poll = raw.call(session, "tasks/get", taskParams(first)).result();
      assertThat(poll.path("taskId").asText()).isEqualTo(first);
      assertThat(poll.path("status").asText()).isEqualTo("working");
      assertThat(raw.call(session, "tasks/get", taskParams(first)).result().path("status").asText())
          .isEqualTo("completed");
      assertThat(jobs.received("tasks/get").getLast().path("params").path("taskId").asText())
          .isEqualTo("t-1");

      RawMcp.Reply result = raw.call(session, "tasks/result", taskParams(first));
      assertThat(result.result().path("content").get(0).path("text").asText())
          .isEqualTo("done hello");
      assertThat(result.result().path("_meta").path(TaskReplies.RELATED).path("taskId").asText())
          .isEqualTo(first);
      assertThat(result.messages())
          .anySatisfy(
              n -> {
                assertThat(n.path("method").asText()).isEqualTo("notifications/tasks/status");
                assertThat(n.path("params").path("taskId").asText()).isEqualTo(first);
              });
      assertThat(result.body()).doesNotContain("\"t-1\"");

      String second = startTask(raw, session, "bye");
      JsonNode cancelled = raw.call(session, "tasks/cancel", taskParams(second)).result();
      assertThat(cancelled.path("taskId").asText()).isEqualTo(second);
      assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");

      // Another session's task exists upstream (t-3) but is not this session's to see.
      RawMcp other = harness.raw("all", KEY);
      String otherSession = other.initialize();
      String foreign = startTask(other, otherSession, "secret");

      JsonNode listed = raw.call(session, "tasks/list", "{}").result();
      assertThat(listed.path("tasks").findValuesAsText("taskId")).containsExactly(first, second);
      assertThat(
              other
                  .call(otherSession, "tasks/list", "{}")
                  .result()
                  .path("tasks")
                  .findValuesAsText("taskId"))
          .containsExactly(foreign);
    }
  }

  @Test
  void refusesForeignAndGuessedTaskIdsWithoutReachingTheUpstream() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = harness(jobs, plain)) {
      RawMcp owner = harness.raw("all", KEY);
      String ownerSession = owner.initialize();
      String task = startTask(owner, ownerSession, "mine");

      RawMcp intruder = harness.raw("all", KEY);
      String intruderSession = intruder.initialize();
      String guessed =
          "jobs."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString("t-1".getBytes(StandardCharsets.UTF_8));
      for (String id : List.of(task, guessed, "t-1", "plain.dC0x", "")) {
        for (String method : List.of("tasks/get", "tasks/result", "tasks/cancel")) {
          RawMcp.Reply refused = intruder.call(intruderSession, method, taskParams(id));
          assertThat(refused.errorCode()).as(method + " " + id).isEqualTo(-32602);
        }
      }
      assertThat(jobs.received("tasks/get")).isEmpty();
      assertThat(jobs.received("tasks/result")).isEmpty();
      assertThat(jobs.received("tasks/cancel")).isEmpty();
      assertThat(intruder.call(intruderSession, "tasks/list", "{}").result().path("tasks"))
          .isEmpty();
      assertThat(jobs.received("tasks/list")).isEmpty();
    }
  }

  @Test
  void aToolOutsideThePersonaCannotBeStartedAsATask() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = harness(jobs, plain)) {
      RawMcp raw = harness.raw("quick-only", KEY);
      RawMcp.Reply refused =
          raw.call(
              raw.initialize(),
              "tools/call",
              "{\"name\":\"jobs__slow\",\"arguments\":{},\"task\":{\"ttl\":60000}}");
      assertThat(refused.errorCode()).isEqualTo(-32602);
      assertThat(jobs.received("tools/call")).isEmpty();
    }
  }

  @Test
  void announcesTasksOnlyWhenAServerOfThePersonaOffersThem() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = harness(jobs, plain)) {
      JsonNode plainCaps =
          harness
              .raw("plain-only", KEY)
              .initializeReply(RawMcp.VERSION)
              .result()
              .path("capabilities");
      assertThat(plainCaps.has("tools")).isTrue();
      assertThat(plainCaps.has("tasks")).isFalse();
      JsonNode quickCaps =
          harness
              .raw("quick-only", KEY)
              .initializeReply(RawMcp.VERSION)
              .result()
              .path("capabilities");
      assertThat(quickCaps.path("tasks").has("cancel")).isTrue();
    }
  }

  @Test
  void inspectsATaskResultLikeAToolResult() throws Exception {
    DataProtectionConfig dp = onJobsAnswers("emails-back", List.of("EMAIL_ADDRESS"), Action.BLOCK);
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness =
            GatewayHarness.start(GatewayHarness.withDataProtection(config(jobs, plain), dp))) {
      RawMcp raw = harness.raw("all", KEY);
      String session = raw.initialize();
      String task = startTask(raw, session, "ana.lima@example.org");
      RawMcp.Reply result = raw.call(session, "tasks/result", taskParams(task));
      assertThat(result.result().path("isError").asBoolean()).as(result.body()).isTrue();
      assertThat(result.body()).contains("emails-back").doesNotContain("ana.lima@example.org");
      assertThat(jobs.received("tasks/result")).hasSize(1);
    }
  }

  /** With no response inspection for the server, the upstream's event stream is relayed live. */
  @Test
  void rewritesTaskIdsInALiveRelayedEventStream() throws Exception {
    DataProtectionConfig dp = onJobsAnswers("trust-jobs", List.of(), Action.ALLOW);
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness =
            GatewayHarness.start(GatewayHarness.withDataProtection(config(jobs, plain), dp))) {
      RawMcp raw = harness.raw("all", KEY);
      String session = raw.initialize();
      String task = startTask(raw, session, "live");
      RawMcp.Reply result = raw.call(session, "tasks/result", taskParams(task));
      assertThat(result.contentType()).startsWith("text/event-stream");
      assertThat(result.messages()).hasSize(3);
      assertThat(result.messages().getFirst().path("params").path("taskId").asText())
          .isEqualTo(task);
      assertThat(
              result
                  .messages()
                  .get(1)
                  .path("params")
                  .path("_meta")
                  .path(TaskReplies.RELATED)
                  .path("taskId")
                  .asText())
          .isEqualTo(task);
      assertThat(result.result().path("_meta").path(TaskReplies.RELATED).path("taskId").asText())
          .isEqualTo(task);
      assertThat(result.result().path("content").get(0).path("text").asText())
          .isEqualTo("done live");
    }
  }

  private static GatewayHarness harness(TaskUpstream jobs, HttpStub plain) throws Exception {
    return GatewayHarness.start(config(jobs, plain));
  }

  private static WardenConfig config(TaskUpstream jobs, HttpStub plain) {
    return jobs.config(plain, agent("bot", KEY, "all", "quick-only", "plain-only"));
  }

  /** Data protection with one rule for the answers of the server {@code jobs}. */
  private static DataProtectionConfig onJobsAnswers(
      String rule, List<String> detectors, Action action) {
    return new DataProtectionConfig(
        Optional.empty(),
        List.of(
            new DataRule(
                rule,
                List.of(),
                List.of("jobs"),
                Direction.RESPONSE,
                detectors,
                List.of(),
                action,
                4)),
        Trust.NONE);
  }

  /** Starts the tool {@code jobs__slow} as a task; returns the task id the client was given. */
  private static String startTask(RawMcp raw, String session, String text) {
    RawMcp.Reply created =
        raw.call(
            session,
            "tools/call",
            "{\"name\":\"jobs__slow\",\"arguments\":{\"text\":\""
                + text
                + "\"},\"task\":{\"ttl\":60000}}");
    JsonNode task = created.result().path("task");
    assertThat(task.path("status").asText()).as(created.body()).isEqualTo("working");
    return task.path("taskId").asText();
  }

  private static String taskParams(String taskId) {
    return "{\"taskId\":\"" + taskId + "\"}";
  }
}
