package dev.warden.audit;

import dev.warden.pipeline.Exchange;
import java.util.function.Consumer;

/** Sees the audit records of each request once they are committed, for example to export them. */
@FunctionalInterface
public interface AuditObserver {
  /** Sees nothing; the stage then does no extra work per request. */
  AuditObserver NONE = exchange -> record -> {};

  /**
   * Called on the request's own thread, before its first record is submitted. The consumer gets
   * that request's committed records (its decision, then its completion), on whichever thread
   * commits them; it must be quick and must not throw.
   */
  Consumer<AuditRecord> of(Exchange exchange);
}
