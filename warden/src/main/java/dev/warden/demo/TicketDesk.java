package dev.warden.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The demo's ticket desk: generated tickets, kept in memory, changed by update and delete. Safe for
 * concurrent calls; ids sort in creation order.
 */
public final class TicketDesk {
  public static final int TICKET_COUNT = 200;

  private final ConcurrentSkipListMap<String, Ticket> tickets = new ConcurrentSkipListMap<>();

  TicketDesk(List<Ticket> initial) {
    initial.forEach(t -> tickets.put(t.id(), t));
  }

  /** A desk of {@link #TICKET_COUNT} tickets written from {@code seed}. */
  public static TicketDesk generate(long seed) {
    return new TicketDesk(TicketGenerator.generate(seed, TICKET_COUNT));
  }

  /** A search page and how many tickets matched in all. */
  public record Page(int total, List<Ticket> tickets) {}

  public List<Ticket> all() {
    return List.copyOf(tickets.values());
  }

  public int size() {
    return tickets.size();
  }

  public Optional<Ticket> find(String id) {
    return Optional.ofNullable(tickets.get(id.strip().toUpperCase(Locale.ROOT)));
  }

  /**
   * Tickets whose id, subject, body, customer name or email contain {@code query} (case ignored),
   * newest first. An empty query matches every ticket.
   */
  public Page search(String query, Optional<Ticket.Status> status, int limit) {
    String needle = query.strip().toLowerCase(Locale.ROOT);
    List<Ticket> hits = new ArrayList<>();
    int total = 0;
    for (Ticket t : tickets.descendingMap().values()) {
      if (status.isPresent() && t.status() != status.get()) {
        continue;
      }
      if (needle.isEmpty() || matches(t, needle)) {
        total++;
        if (hits.size() < limit) {
          hits.add(t);
        }
      }
    }
    return new Page(total, List.copyOf(hits));
  }

  /** Sets the status and/or appends a note; empty when there is no such ticket. */
  public Optional<Ticket> update(String id, Optional<Ticket.Status> status, Optional<String> note) {
    Instant now = Instant.now();
    return Optional.ofNullable(
        tickets.computeIfPresent(
            id.strip().toUpperCase(Locale.ROOT),
            (k, t) -> t.withUpdate(status.orElse(t.status()), note.orElse(null), now)));
  }

  public boolean delete(String id) {
    return tickets.remove(id.strip().toUpperCase(Locale.ROOT)) != null;
  }

  private static boolean matches(Ticket t, String needle) {
    return contains(t.id(), needle)
        || contains(t.subject(), needle)
        || contains(t.body(), needle)
        || contains(t.customer().name(), needle)
        || contains(t.customer().email(), needle);
  }

  private static boolean contains(String text, String lowerNeedle) {
    return text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }
}
