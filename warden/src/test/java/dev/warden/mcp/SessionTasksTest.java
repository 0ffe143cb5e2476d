package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SessionTasksTest {
  @Test
  void findsOnlyTasksThisSessionLearned() {
    SessionTasks mine = new SessionTasks();
    SessionTasks theirs = new SessionTasks();
    String id = mine.expose("jobs", "t-1", "jobs__slow");
    assertThat(id).isEqualTo("jobs.dC0x");
    assertThat(mine.find(id)).contains(new SessionTasks.Task(id, "jobs", "t-1", "jobs__slow"));
    assertThat(theirs.find(id)).isEmpty();
    assertThat(mine.find("jobs.dC0y")).isEmpty();
    assertThat(mine.find("other.dC0x")).isEmpty();
  }

  @Test
  void rewritesTheTaskIdOfATaskObject() {
    SessionTasks tasks = new SessionTasks();
    ObjectNode task = JsonNodeFactory.instance.objectNode().put("taskId", "abc");
    assertThat(tasks.rewrite(task, "jobs", "")).isTrue();
    assertThat(task.path("taskId").asText()).isEqualTo("jobs.YWJj");
    assertThat(tasks.rewrite(JsonNodeFactory.instance.objectNode(), "jobs", "")).isFalse();
    assertThat(tasks.rewrite(null, "jobs", "")).isFalse();
  }

  @Test
  void keepsTheToolAStatusNotificationDidNotName() {
    SessionTasks tasks = new SessionTasks();
    String id = tasks.expose("jobs", "t-1", "jobs__slow");
    tasks.expose("jobs", "t-1", "");
    assertThat(tasks.find(id).orElseThrow().tool()).isEqualTo("jobs__slow");
  }

  @Test
  void forgetsTheOldestPastTheBound() {
    SessionTasks tasks = new SessionTasks();
    String first = tasks.expose("jobs", "t-0", "");
    for (int i = 1; i <= SessionTasks.MAX_TASKS; i++) {
      tasks.expose("jobs", "t-" + i, "");
    }
    assertThat(tasks.all()).hasSize(SessionTasks.MAX_TASKS);
    assertThat(tasks.find(first)).isEmpty();
  }
}
