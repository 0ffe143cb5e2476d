package dev.warden.demo;

/**
 * All the demo's data, generated from one seed. Each {@link DemoServers} gets its own copy, so one
 * run's deletes and sent mail never leak into another.
 */
public record DemoData(TicketDesk tickets, Mailbox mail, DocumentStore docs) {
  /** The seed the demo uses, so every run shows the same tickets and documents. */
  public static final long SEED = 20261001L;

  public static DemoData generate(long seed) {
    return new DemoData(TicketDesk.generate(seed), new Mailbox(), DocumentStore.generate(seed));
  }
}
