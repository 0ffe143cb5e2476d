package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A support ticket of the demo ticket desk. */
public record Ticket(
    String id,
    String subject,
    Status status,
    Priority priority,
    Customer customer,
    Instant createdAt,
    Instant updatedAt,
    String body,
    List<String> notes) {

  public Ticket {
    notes = List.copyOf(notes);
  }

  public enum Status {
    OPEN,
    PENDING,
    CLOSED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String key) {
      for (Status s : values()) {
        if (s.key().equals(key)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "status must be open, pending or closed, not '" + key + "'");
    }
  }

  public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Ticket withUpdate(Status newStatus, String note, Instant at) {
    List<String> newNotes = notes;
    if (note != null) {
      newNotes = new ArrayList<>(notes);
      newNotes.add(note);
    }
    return new Ticket(id, subject, newStatus, priority, customer, createdAt, at, body, newNotes);
  }

  /** The full ticket, as get_ticket returns it and its outputSchema describes it. */
  ObjectNode toJson() {
    ObjectNode node = Json.object().put("id", id).put("subject", subject);
    node.put("status", status.key()).put("priority", priority.key());
    node.set("customer", customer.toJson());
    node.put("created_at", createdAt.toString()).put("updated_at", updatedAt.toString());
    node.put("body", body);
    ArrayNode list = node.putArray("notes");
    notes.forEach(list::add);
    return node;
  }

  /** The few fields a search hit needs. */
  ObjectNode summaryJson() {
    ObjectNode node = Json.object().put("id", id).put("subject", subject);
    node.put("status", status.key()).put("priority", priority.key());
    node.put("customer_name", customer.name());
    node.put("created_at", createdAt.toString());
    return node;
  }
}
