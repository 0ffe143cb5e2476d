package dev.warden.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.store.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CPU the audit stage costs a request's own thread per call with {@code sync: normal}: the decision
 * entry built and journaled before the reply is released, and the completion after it, on a real
 * journal and SQLite trail. The writer thread's share is measured by {@link AuditWriteRateBench}.
 * One thread, 8 rounds of 50,000 calls, the median of the last 4 reported. Not part of the build;
 * run with {@code ./mvnw -pl warden test -Dtest=AuditStageCostBench}.
 */
class AuditStageCostBench {
  private static final int CALLS = 50_000;

  @Test
  void requestThreadCpuPerCall() throws Exception {
    Path dir = Files.createTempDirectory("audit-stage-bench");
    Database db = Database.of("sqlite:warden.db", dir, Database.Sync.NORMAL);
    db.migrate();
    AuditWriter writer =
        new AuditWriter(
            new JdbcAuditSink(db),
            Optional.of(new CheckpointSigner("bench-key")),
            1000,
            AuditJournal.open(dir.resolve("journal")));
    AuditStage stage = new AuditStage(writer, Duration.ofSeconds(5));
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "tickets__get_ticket");
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", 1);
    tree.put("method", "tools/call").set("params", params);
    McpMessage m =
        new McpMessage(McpMessage.Kind.REQUEST, tree.get("id"), "tools/call", params, tree);
    Reply answer = new Reply.Result(JsonNodeFactory.instance.objectNode().put("ok", true));
    Principal bot = new Principal("triage-bot", Set.of("support-triage"));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] rounds = new double[8];
    for (int round = 0; round < rounds.length; round++) {
      // The exchanges are built outside the measurement: the edge makes them with or without audit.
      Exchange[] exchanges = new Exchange[CALLS];
      for (int i = 0; i < CALLS; i++) {
        exchanges[i] =
            new Exchange("r" + round + "-" + i, "support-triage", m, n -> null, "::1", 1);
        exchanges[i].principal(bot);
        exchanges[i].route("tickets", "tickets__get_ticket");
      }
      long before = cpu.getCurrentThreadCpuTime();
      for (Exchange ex : exchanges) {
        stage.apply(ex, e -> answer);
        ex.complete(200, 912);
      }
      rounds[round] = (cpu.getCurrentThreadCpuTime() - before) / 1e3 / CALLS;
      while (writer.written() < (round + 1L) * CALLS / 2) {
        Thread.sleep(10); // let the writer catch up so rounds do not pile up in its queue
      }
    }
    writer.close();
    double[] last = java.util.Arrays.copyOfRange(rounds, 4, 8);
    java.util.Arrays.sort(last);
    System.out.printf(
        "audit stage, request thread: %.2f us CPU per call (decision + completion journaled);"
            + " rounds %s%n",
        (last[1] + last[2]) / 2, java.util.Arrays.toString(rounds));
  }
}
