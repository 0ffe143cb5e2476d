package dev.warden.mcp;

/** One server-sent event; {@code data} holds the data lines joined by '\n'. */
public record SseEvent(String event, String id, String data) {
  public boolean isMessage() {
    return event == null || event.isEmpty() || event.equals("message");
  }
}
