package dev.warden.pipeline;

/**
 * One step of the request path. A stage either passes the exchange on ({@code next.proceed}) and
 * may look at or wrap what comes back, or answers itself, most often with a {@link Reply.Denied}.
 * Policy outcomes are values; exceptions are for bugs and I/O.
 */
@FunctionalInterface
public interface Stage {
  Reply apply(Exchange exchange, Chain next);

  /** The rest of the pipeline after a stage. */
  @FunctionalInterface
  interface Chain {
    Reply proceed(Exchange exchange);
  }
}
