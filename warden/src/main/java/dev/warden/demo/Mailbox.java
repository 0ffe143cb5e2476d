package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo's outgoing mail: nothing leaves the process; sent mail and drafts stay in memory. */
public final class Mailbox {
  private final List<Message> sent = new CopyOnWriteArrayList<>();
  private final List<Message> drafts = new CopyOnWriteArrayList<>();
  private final AtomicInteger sentCounter = new AtomicInteger();
  private final AtomicInteger draftCounter = new AtomicInteger();

  /**
   * A sent mail or a draft.
   *
   * @param ticketId the ticket a draft replies to, or empty
   */
  public record Message(
      String id, String to, String subject, String body, String ticketId, Instant at) {

    ObjectNode toJson() {
      ObjectNode node = Json.object().put("id", id).put("to", to).put("subject", subject);
      if (!ticketId.isEmpty()) {
        node.put("ticket_id", ticketId);
      }
      return node.put("body", body).put("at", at.toString());
    }
  }

  public Message send(String to, String subject, String body) {
    if (!looksLikeAddress(to)) {
      throw new IllegalArgumentException("'" + to + "' is not an email address");
    }
    String id = String.format(Locale.ROOT, "MSG-%04d", sentCounter.incrementAndGet());
    Message message = new Message(id, to, subject, body, "", Instant.now());
    sent.add(message);
    return message;
  }

  public Message draft(String ticketId, String to, String subject, String body) {
    String id = String.format(Locale.ROOT, "DRF-%04d", draftCounter.incrementAndGet());
    Message message = new Message(id, to, subject, body, ticketId, Instant.now());
    drafts.add(message);
    return message;
  }

  public List<Message> sent() {
    return List.copyOf(sent);
  }

  public List<Message> drafts() {
    return List.copyOf(drafts);
  }

  /** One '@' with something before it and a dotted domain after; enough to catch slips. */
  private static boolean looksLikeAddress(String to) {
    int at = to.indexOf('@');
    return at > 0
        && at == to.lastIndexOf('@')
        && to.indexOf('.', at) > at + 1
        && !to.endsWith(".")
        && to.chars().noneMatch(Character::isWhitespace);
  }
}
