package dev.warden.audit;

import dev.warden.mcp.JsonRpcError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit record of every request that reached the pipeline, denials included, before the
 * reply is released: an agent never sees an answer the trail could lose to a killed gateway. With
 * {@code audit.sync: normal} the record is appended to the writer's local journal and committed to
 * the database in the background; with {@code full} the reply waits for its fsynced commit, which
 * concurrent requests share through {@link AuditWriter}. After the reply is out, a completion
 * record adds the bytes sent and the final status without holding anyone up.
 *
 * <p>When the trail cannot be written the request fails closed with HTTP 503 (and a streamed
 * upstream reply is aborted unread).
 */
public final class AuditStage implements Stage {
  private static final Logger log = LoggerFactory.getLogger(AuditStage.class);
  static final int UNAVAILABLE = 503;
  private static final String[] DECISIONS =
      java.util.Arrays.stream(Exchange.Outcome.values())
          .map(o -> o.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  private final AuditWriter writer;
  private final Duration commitTimeout;
  private final AuditObserver observer;

  public AuditStage(AuditWriter writer, Duration commitTimeout) {
    this(writer, commitTimeout, AuditObserver.NONE);
  }

  /** A stage that also shows every committed record to {@code observer}. */
  public AuditStage(AuditWriter writer, Duration commitTimeout, AuditObserver observer) {
    this.writer = writer;
    this.commitTimeout = commitTimeout;
    this.observer = observer;
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Reply reply = next.proceed(exchange);
    exchange.decide(reply);
    AuditEntry decision = entry(exchange, AuditEntry.DECISION);
    Consumer<AuditRecord> seen = observer == AuditObserver.NONE ? null : observer.of(exchange);
    try {
      if (writer.journaled()) {
        writer.record(decision, seen);
      } else {
        AuditRecord record =
            writer.submit(decision).get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (seen != null) {
          seen.accept(record);
        }
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.error("audit record of {} not committed; failing the request closed", exchange.id());
      if (reply instanceof Reply.Relay relay) {
        relay.upstream().abort();
      }
      return new Reply.Failure(
          new JsonRpcError(
              JsonRpcError.INTERNAL_ERROR,
              "the audit trail is unavailable; request " + exchange.id() + " was not answered"),
          UNAVAILABLE);
    }
    exchange.onComplete(ex -> completed(ex, seen));
    return reply;
  }

  private void completed(Exchange ex, Consumer<AuditRecord> seen) {
    AuditEntry completion = entry(ex, AuditEntry.COMPLETION);
    if (!writer.journaled()) {
      CompletableFuture<AuditRecord> done = writer.submit(completion);
      if (seen != null) {
        done.thenAccept(seen);
      }
      return;
    }
    try {
      writer.record(completion, seen);
    } catch (Exception e) {
      log.error("completion record of {} not journaled: {}", ex.id(), e.toString());
    }
  }

  static AuditEntry entry(Exchange ex, String kind) {
    boolean done = kind.equals(AuditEntry.COMPLETION);
    return new AuditEntry(
        kind,
        ex.time().toEpochMilli(),
        ex.id(),
        ex.principal() == null ? "" : ex.principal().agent(),
        ex.user(),
        ex.persona(),
        ex.server(),
        ex.method(),
        ex.target(),
        DECISIONS[ex.outcome().ordinal()],
        ex.rule(),
        ex.findings(),
        ex.upstreamError(),
        done ? ex.httpStatus() : 0,
        (System.nanoTime() - ex.startNanos()) / 1000,
        ex.bytesIn(),
        done ? ex.bytesOut() : 0,
        ex.clientAddress() == null ? "" : ex.clientAddress());
  }
}
