package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Declares the {@code mail} demo server over a {@link Mailbox}. Nothing is really sent; drafts for
 * tickets are addressed to the ticket's customer.
 */
final class MailServer {
  private MailServer() {}

  static McpServerSpec spec(Mailbox mailbox, TicketDesk desk, String version) {
    return McpServerSpec.ofTools(
        "mail",
        version,
        "Outgoing mail for the support team (demo: nothing leaves the machine). Prefer"
            + " draft_reply, which a person reviews; send_email sends at once.",
        List.of(send(mailbox), draftReply(mailbox, desk), listDrafts(mailbox)));
  }

  private static DemoTool send(Mailbox mailbox) {
    return new DemoTool(
        "send_email",
        "Send email",
        "Send an email now. It cannot be recalled.",
        SchemaBuilder.object()
            .string("to", "Recipient address", true)
            .string("subject", "Subject line", true)
            .string("body", "Plain-text body", true)
            .build(),
        null,
        DemoTool.Annotations.reachesOut(),
        args -> {
          Arguments a = new Arguments(args);
          Mailbox.Message sent = mailbox.send(a.text("to"), a.text("subject"), a.text("body"));
          return ToolResult.json(sent.toJson().put("status", "sent"));
        });
  }

  private static DemoTool draftReply(Mailbox mailbox, TicketDesk desk) {
    return new DemoTool(
        "draft_reply",
        "Draft reply",
        "Draft a reply to a ticket's customer for a person to review and send.",
        SchemaBuilder.object()
            .string("ticket_id", "Ticket to reply to, e.g. TCK-1042", true)
            .string("body", "Plain-text reply", true)
            .build(),
        null,
        DemoTool.Annotations.writes(false, false),
        args -> {
          Arguments a = new Arguments(args);
          String ticketId = a.text("ticket_id");
          String body = a.text("body");
          return desk.find(ticketId)
              .map(
                  t ->
                      mailbox.draft(
                          t.id(),
                          t.customer().email(),
                          "Re: [" + t.id() + "] " + t.subject(),
                          body))
              .map(d -> ToolResult.json(d.toJson().put("status", "draft")))
              .orElseGet(() -> ToolResult.error("No ticket " + ticketId));
        });
  }

  private static DemoTool listDrafts(Mailbox mailbox) {
    return new DemoTool(
        "list_drafts",
        "List drafts",
        "List reply drafts waiting for review, oldest first.",
        SchemaBuilder.object().build(),
        null,
        DemoTool.Annotations.readOnly(),
        args -> {
          ObjectNode result = Json.object();
          ArrayNode drafts = result.putArray("drafts");
          mailbox.drafts().forEach(d -> drafts.add(d.toJson()));
          return ToolResult.json(result);
        });
  }
}
