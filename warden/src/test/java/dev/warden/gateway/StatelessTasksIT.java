package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.SessionsConfig;
import dev.warden.config.UpstreamProtocol;
import dev.warden.config.WardenConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.HttpStub;
import dev.warden.testing.RawMcp;
import dev.warden.testing.StatelessMcp;
import dev.warden.testing.StatelessUpstream;
import dev.warden.testing.TaskUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tasks extension ({@code io.modelcontextprotocol/tasks}) for 2026-07-28 clients, driven with
 * hand-built stateless requests, bridged to the 2025-11-25 tasks of {@link TaskUpstream}; a plain
 * {@link HttpStub} server without tasks sits beside it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatelessTasksIT {
  private static final String KEY = "stateless-tasks-key-0123456789";
  private static final String OTHER_KEY = "stateless-other-key-0123456789";
  private static final String EXTENSION = "io.modelcontextprotocol/tasks";

  @Test
  void announcesTheExtensionOnlyWhereAServerOfThePersonaRunsTasks() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      for (String persona : List.of("all", "quick-only")) {
        JsonNode caps = discover(harness, persona).path("capabilities");
        assertThat(caps.path("extensions").has(EXTENSION)).as(persona).isTrue();
      }
      JsonNode plainCaps = discover(harness, "plain-only").path("capabilities");
      assertThat(plainCaps.has("tools")).isTrue();
      assertThat(plainCaps.path("extensions").has(EXTENSION)).isFalse();
    }
  }

  @Test
  void startsPollsAndFinishesATaskWithItsResultRedacted() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      StatelessMcp client = client(harness, "all", KEY);
      JsonNode created = startTask(client, "card");
      String task = created.path("taskId").asText();
      assertThat(created.path("resultType").asText()).isEqualTo("task");
      assertThat(created.path("status").asText()).isEqualTo("working");
      assertThat(created.path("ttlMs").asLong()).isEqualTo(60000);
      assertThat(created.path("pollIntervalMs").asLong()).isEqualTo(10);
      assertThat(created.has("task")).isFalse();
      assertThat(task).isNotEqualTo("t-1").doesNotContain("t-1").doesNotContain("jobs");
      assertThat(jobs.received("tools/call").getLast().path("params").has("task")).isTrue();

      JsonNode working = poll(client, task).result();
      assertThat(working.path("resultType").asText()).isEqualTo("complete");
      assertThat(working.path("taskId").asText()).isEqualTo(task);
      assertThat(working.path("status").asText()).isEqualTo("working");
      assertThat(working.has("result")).isFalse();

      RawMcp.Reply done = poll(client, task);
      JsonNode completed = done.result();
      assertThat(completed.path("status").asText()).as(done.body()).isEqualTo("completed");
      assertThat(completed.path("taskId").asText()).isEqualTo(task);
      String text = completed.path("result").path("content").get(0).path("text").asText();
      assertThat(text).startsWith("charged card").doesNotContain(TaskUpstream.CARD);
      assertThat(done.body()).doesNotContain(TaskUpstream.CARD).doesNotContain("\"t-1\"");
      assertThat(jobs.received("tasks/get"))
          .allSatisfy(m -> assertThat(m.path("params").path("taskId").asText()).isEqualTo("t-1"));
      assertThat(jobs.received("tasks/result")).hasSize(1);
    }
  }

  @Test
  void aCallWithoutTheExtensionIsNoTaskAndATaskOnlyToolSaysWhatIsMissing() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      StatelessMcp client = client(harness, "all", KEY);
      RawMcp.Reply direct = client.callTool("jobs__slow", Map.of("text", "now"));
      assertThat(direct.result().path("content").get(0).path("text").asText())
          .as(direct.body())
          .isEqualTo("done now");
      assertThat(jobs.received("tools/call").getLast().path("params").has("task")).isFalse();

      RawMcp.Reply refused = client.callTool("jobs__batch", Map.of());
      assertThat(refused.errorCode()).as(refused.body()).isEqualTo(-32003);
      assertThat(
              refused
                  .response()
                  .path("error")
                  .path("data")
                  .path("requiredCapabilities")
                  .path("extensions")
                  .has(EXTENSION))
          .isTrue();
      assertThat(jobs.received("tools/call")).hasSize(1);
    }
  }

  @Test
  void anotherAgentOrPersonaAndATamperedIdFindNoTask() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      String task = startTask(client(harness, "all", KEY), "mine").path("taskId").asText();
      char last = task.charAt(task.length() - 2);
      String tampered =
          task.substring(0, task.length() - 2)
              + (last == 'A' ? 'B' : 'A')
              + task.charAt(task.length() - 1);

      StatelessMcp intruder = client(harness, "all", OTHER_KEY);
      StatelessMcp otherPersona = client(harness, "quick-only", KEY);
      StatelessMcp owner = client(harness, "all", KEY);
      List<Object[]> attempts =
          List.of(
              new Object[] {intruder, task},
              new Object[] {otherPersona, task},
              new Object[] {owner, tampered},
              new Object[] {owner, "t-1"});
      for (Object[] a : attempts) {
        for (String method : List.of("tasks/get", "tasks/cancel", "tasks/update")) {
          RawMcp.Reply refused = taskCall((StatelessMcp) a[0], method, (String) a[1]);
          assertThat(refused.errorCode()).as(method + " " + a[1]).isEqualTo(-32602);
          assertThat(refused.errorMessage()).isEqualTo("Failed to retrieve task: Task not found");
        }
      }
      assertThat(jobs.received("tasks/get")).isEmpty();
      assertThat(jobs.received("tasks/cancel")).isEmpty();
    }
  }

  @Test
  void cancelReachesTheUpstreamAndUpdateIsAcknowledged() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      StatelessMcp client = client(harness, "all", KEY);
      String task = startTask(client, "bye").path("taskId").asText();

      RawMcp.Reply updated = taskCall(client, "tasks/update", task);
      assertThat(updated.result().path("resultType").asText())
          .as(updated.body())
          .isEqualTo("complete");

      RawMcp.Reply cancelled = taskCall(client, "tasks/cancel", task);
      assertThat(cancelled.result().path("resultType").asText())
          .as(cancelled.body())
          .isEqualTo("complete");
      assertThat(jobs.received("tasks/cancel")).hasSize(1);
      assertThat(jobs.received("tasks/cancel").getFirst().path("params").path("taskId").asText())
          .isEqualTo("t-1");
      assertThat(poll(client, task).result().path("status").asText()).isEqualTo("cancelled");
    }
  }

  @Test
  void tasksResultAndListAreNotMethodsOfThisEra() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness = GatewayHarness.start(config(jobs, plain))) {
      StatelessMcp client = client(harness, "all", KEY);
      String task = startTask(client, "x").path("taskId").asText();
      assertThat(taskCall(client, "tasks/result", task).errorCode()).isEqualTo(-32601);
      assertThat(client.call("tasks/list").errorCode()).isEqualTo(-32601);
      assertThat(jobs.received("tasks/result")).isEmpty();
      assertThat(jobs.received("tasks/list")).isEmpty();
    }
  }

  @Test
  void anotherReplicaWithTheSameKeyServesThePoll() throws Exception {
    try (TaskUpstream jobs = TaskUpstream.start();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness a = GatewayHarness.start(config(jobs, plain).withSessions(keys()));
        GatewayHarness b = GatewayHarness.start(config(jobs, plain).withSessions(keys()))) {
      String task = startTask(client(a, "all", KEY), "moved").path("taskId").asText();
      StatelessMcp onB = client(b, "all", KEY);
      assertThat(poll(onB, task).result().path("status").asText()).isEqualTo("working");
      JsonNode done = poll(onB, task).result();
      assertThat(done.path("status").asText()).isEqualTo("completed");
      assertThat(done.path("result").path("content").get(0).path("text").asText())
          .isEqualTo("done moved");
    }
  }

  @Test
  void bridgesTheExtensionOfA2026UpstreamInItsOwnTerms() throws Exception {
    try (StatelessUpstream modern = StatelessUpstream.startWithTasks();
        HttpStub plain = TaskUpstream.plain();
        GatewayHarness harness =
            GatewayHarness.start(
                GatewayHarness.config(
                    List.of(
                        ServerConfig.streamableHttp("modern", modern.url())
                            .withProtocol(UpstreamProtocol.STATELESS),
                        ServerConfig.streamableHttp("plain", plain.url())),
                    List.of(persona("all", "*"), persona("plain-only", "plain__*")),
                    List.of(agent("bot", KEY, "all", "plain-only"))))) {
      assertThat(discover(harness, "all").path("capabilities").path("extensions").has(EXTENSION))
          .isTrue();
      assertThat(
              discover(harness, "plain-only")
                  .path("capabilities")
                  .path("extensions")
                  .has(EXTENSION))
          .isFalse();
      StatelessMcp client = client(harness, "all", KEY);
      RawMcp.Reply plainCall = client.callTool("modern__long_job", Map.of());
      assertThat(plainCall.result().path("content").get(0).path("text").asText())
          .as(plainCall.body())
          .isEqualTo("no task");

      JsonNode created = startTask(client, "modern__long_job", Map.of());
      String task = created.path("taskId").asText();
      assertThat(created.path("status").asText()).isEqualTo("working");
      assertThat(created.path("ttlMs").asLong()).isEqualTo(30000);
      assertThat(task).isNotEqualTo("n-1");
      assertThat(poll(client, task).result().path("status").asText()).isEqualTo("working");
      RawMcp.Reply done = poll(client, task);
      assertThat(done.result().path("status").asText()).as(done.body()).isEqualTo("completed");
      assertThat(done.result().path("taskId").asText()).isEqualTo(task);
      assertThat(done.result().path("result").path("content").get(0).path("text").asText())
          .startsWith("paid with")
          .doesNotContain(StatelessUpstream.CARD);
      assertThat(taskCall(client, "tasks/update", task).result().path("resultType").asText())
          .isEqualTo("complete");
      assertThat(taskCall(client, "tasks/cancel", task).result().path("resultType").asText())
          .isEqualTo("complete");

      List<String> methods =
          modern.received().stream().map(m -> m.path("method").asText()).toList();
      assertThat(methods).contains("tasks/get", "tasks/update", "tasks/cancel");
      assertThat(modern.received())
          .filteredOn(m -> m.path("method").asText().startsWith("tasks/"))
          .allSatisfy(
              m -> {
                assertThat(m.path("params").path("taskId").asText()).isEqualTo("n-1");
                assertThat(
                        m.path("params")
                            .path("_meta")
                            .path("io.modelcontextprotocol/clientCapabilities")
                            .path("extensions")
                            .has(EXTENSION))
                    .isTrue();
              });
    }
  }

  private static SessionsConfig keys() {
    return new SessionsConfig(
        List.of(
            new SessionsConfig.Key(
                "k1", Secret.of("tasks-replica-secret-0123456789abcdef", "env:K"))),
        Optional.empty());
  }

  private static WardenConfig config(TaskUpstream jobs, HttpStub plain) {
    return jobs.config(
        plain,
        agent("bot", KEY, "all", "quick-only", "plain-only"),
        agent("other", OTHER_KEY, "all"));
  }

  private static StatelessMcp client(GatewayHarness harness, String persona, String key) {
    return new StatelessMcp(harness.raw(persona, key));
  }

  private static JsonNode discover(GatewayHarness harness, String persona) {
    RawMcp.Reply reply = client(harness, persona, KEY).call("server/discover");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.result();
  }

  /** Calls {@code jobs__slow} declaring the extension; returns the task handle. */
  private static JsonNode startTask(StatelessMcp client, String text) {
    return startTask(client, "jobs__slow", Map.of("text", text));
  }

  private static JsonNode startTask(StatelessMcp client, String tool, Map<String, ?> arguments) {
    ObjectNode params = StatelessMcp.object().put("name", tool);
    params.set(
        "arguments", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(arguments));
    params
        .putObject("_meta")
        .putObject("io.modelcontextprotocol/clientCapabilities")
        .putObject("extensions")
        .putObject(EXTENSION);
    RawMcp.Reply created = client.call("tools/call", tool, params);
    assertThat(created.result().path("resultType").asText()).as(created.body()).isEqualTo("task");
    return created.result();
  }

  private static RawMcp.Reply poll(StatelessMcp client, String task) {
    return taskCall(client, "tasks/get", task);
  }

  private static RawMcp.Reply taskCall(StatelessMcp client, String method, String task) {
    ObjectNode params = StatelessMcp.object().put("taskId", task);
    if (method.equals("tasks/update")) {
      params.putObject("inputResponses");
    }
    return client.call(method, task, params);
  }
}
