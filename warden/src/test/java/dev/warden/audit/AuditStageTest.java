package dev.warden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit stage releases a reply only once its record is safe, and fails closed otherwise. */
class AuditStageTest {
  @TempDir Path dir;
  private JdbcAuditSink sink;

  @BeforeEach
  void open() {
    Database database = Database.of("sqlite:warden.db", dir, Database.Sync.NORMAL);
    database.migrate();
    sink = new JdbcAuditSink(database);
  }

  private static Exchange call(String id) {
    ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "tickets__get_ticket");
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", 1);
    tree.put("method", "tools/call").set("params", params);
    McpMessage m =
        new McpMessage(McpMessage.Kind.REQUEST, tree.get("id"), "tools/call", params, tree);
    return new Exchange(id, "support-triage", m, name -> null, "127.0.0.1", 80);
  }

  private static Reply answer(Exchange exchange) {
    return new Reply.Result(JsonNodeFactory.instance.objectNode().put("ok", true));
  }

  @Test
  void aJournaledRecordIsStoredAfterTheReplyWentOn() throws Exception {
    AuditWriter writer =
        new AuditWriter(sink, Optional.empty(), 1000, AuditJournal.open(dir.resolve("j")));
    AuditStage stage = new AuditStage(writer, Duration.ofSeconds(5));
    Exchange exchange = call("req-1");

    Reply reply = stage.apply(exchange, AuditStageTest::answer);
    exchange.complete(200, 42);
    writer.closeKeepingSink();

    assertThat(reply).isInstanceOf(Reply.Result.class);
    List<AuditRecord> records = sink.read(0, 10);
    // One record when the completion reached the writer before the decision was stored, else two.
    assertThat(records)
        .extracting(r -> r.entry().requestId() + "/" + r.entry().kind())
        .isIn(List.of("req-1/call"), List.of("req-1/decision", "req-1/completion"));
    assertThat(records.getLast().entry().bytesOut()).isEqualTo(42);
  }

  @Test
  void aJournalThatCannotBeWrittenFailsTheRequestClosed() throws Exception {
    AuditWriter writer =
        new AuditWriter(sink, Optional.empty(), 1000, AuditJournal.open(dir.resolve("j")));
    writer.closeKeepingSink(); // the journal is gone: nothing can be made safe
    AuditStage stage = new AuditStage(writer, Duration.ofSeconds(5));

    Reply reply = stage.apply(call("req-2"), AuditStageTest::answer);

    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Failure.class, f -> assertThat(f.httpStatus()).isEqualTo(503));
  }

  @Test
  void withFullSyncAFailedCommitFailsTheRequestClosed() throws Exception {
    AuditSink broken =
        new AuditSink() {
          @Override
          public void append(List<AuditRecord> records, List<Checkpoint> checkpoints)
              throws Exception {
            throw new java.sql.SQLException("disk full");
          }

          @Override
          public Optional<AuditRecord> last() {
            return Optional.empty();
          }

          @Override
          public List<AuditRecord> read(long after, int limit) {
            return List.of();
          }

          @Override
          public List<AuditRecord> query(AuditQuery query) {
            return List.of();
          }

          @Override
          public List<Checkpoint> checkpoints() {
            return List.of();
          }

          @Override
          public void prune(long through) {}

          @Override
          public void close() {}
        };
    AuditWriter writer = new AuditWriter(broken, Optional.empty(), 1000);
    AuditStage stage = new AuditStage(writer, Duration.ofSeconds(5));

    Reply reply = stage.apply(call("req-3"), AuditStageTest::answer);
    writer.close();

    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Failure.class, f -> assertThat(f.httpStatus()).isEqualTo(503));
  }
}
