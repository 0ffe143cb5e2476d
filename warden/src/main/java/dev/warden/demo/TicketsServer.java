package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Declares the {@code tickets} demo server over a {@link TicketDesk}. */
final class TicketsServer {
  static final int LISTED_RESOURCES = 20;
  private static final String[] STATUSES = {"open", "pending", "closed"};

  private TicketsServer() {}

  static McpServerSpec spec(TicketDesk desk, String version) {
    return new McpServerSpec(
        "tickets",
        version,
        "A customer support ticket desk (demo data). Find tickets with search_tickets, read one"
            + " with get_ticket, change status or add a note with update_ticket. Ticket ids look"
            + " like TCK-1042.",
        List.of(search(desk), get(desk), update(desk), delete(desk)),
        List.of(summarize(desk)),
        desk.all().stream().limit(LISTED_RESOURCES).map(t -> resource(desk, t.id())).toList(),
        List.of(
            new DemoResourceTemplate(
                "ticket://{id}",
                "ticket",
                "Ticket by id",
                "Any ticket as JSON, e.g. ticket://TCK-1042",
                "application/json",
                vars -> desk.find(vars.get("id")).map(t -> Json.write(t.toJson())))));
  }

  private static DemoTool search(TicketDesk desk) {
    JsonNode input =
        SchemaBuilder.object()
            .string("query", "Words to find in id, subject, body or customer; empty for all", true)
            .enumeration("status", "Only tickets with this status", false, STATUSES)
            .integer("limit", "Most tickets to return (default 10)", 1, 50)
            .build();
    ObjectNode summary =
        SchemaBuilder.object()
            .string("id", "Ticket id", true)
            .string("subject", "Subject line", true)
            .enumeration("status", "Status", true, STATUSES)
            .string("priority", "low, normal, high or urgent", true)
            .string("customer_name", "Customer", true)
            .string("created_at", "ISO-8601 instant", true)
            .build();
    JsonNode output =
        SchemaBuilder.object()
            .property("total", SchemaBuilder.type("integer"), true)
            .property("tickets", SchemaBuilder.arrayOf(summary), true)
            .build();
    return new DemoTool(
        "search_tickets",
        "Search tickets",
        "Search support tickets by text, newest first, optionally by status.",
        input,
        output,
        DemoTool.Annotations.readOnly(),
        args -> {
          Arguments a = new Arguments(args);
          String query = a.optionalText("query").orElse("");
          Optional<Ticket.Status> status = a.optionalText("status").map(Ticket.Status::parse);
          TicketDesk.Page page = desk.search(query, status, a.integer("limit", 10, 1, 50));
          ObjectNode result = Json.object().put("total", page.total());
          ArrayNode list = result.putArray("tickets");
          page.tickets().forEach(t -> list.add(t.summaryJson()));
          return ToolResult.json(result);
        });
  }

  private static DemoTool get(TicketDesk desk) {
    return new DemoTool(
        "get_ticket",
        "Get ticket",
        "Read one ticket with its customer, body and notes.",
        SchemaBuilder.object().string("id", "Ticket id, e.g. TCK-1042", true).build(),
        ticketSchema(),
        DemoTool.Annotations.readOnly(),
        args -> {
          String id = new Arguments(args).text("id");
          return desk.find(id)
              .map(t -> ToolResult.json(t.toJson()))
              .orElseGet(() -> ToolResult.error("No ticket " + id));
        });
  }

  private static DemoTool update(TicketDesk desk) {
    return new DemoTool(
        "update_ticket",
        "Update ticket",
        "Change a ticket's status and/or add an internal note. Returns the updated ticket.",
        SchemaBuilder.object()
            .string("id", "Ticket id", true)
            .enumeration("status", "New status", false, STATUSES)
            .string("note", "Internal note to append", false)
            .build(),
        ticketSchema(),
        DemoTool.Annotations.writes(false, false),
        args -> {
          Arguments a = new Arguments(args);
          String id = a.text("id");
          Optional<Ticket.Status> status = a.optionalText("status").map(Ticket.Status::parse);
          return desk.update(id, status, a.optionalText("note"))
              .map(t -> ToolResult.json(t.toJson()))
              .orElseGet(() -> ToolResult.error("No ticket " + id));
        });
  }

  private static DemoTool delete(TicketDesk desk) {
    return new DemoTool(
        "delete_ticket",
        "Delete ticket",
        "Delete a ticket for good. This cannot be undone.",
        SchemaBuilder.object().string("id", "Ticket id", true).build(),
        null,
        DemoTool.Annotations.writes(true, true),
        args -> {
          String id = new Arguments(args).text("id");
          return desk.delete(id)
              ? ToolResult.json(Json.object().put("deleted", id))
              : ToolResult.error("No ticket " + id);
        });
  }

  private static DemoPrompt summarize(TicketDesk desk) {
    return new DemoPrompt(
        "summarize_ticket",
        "Summarize ticket",
        "Ask the model for a short summary and next step for one ticket.",
        List.of(new DemoPrompt.Argument("id", "Ticket id, e.g. TCK-1042", true)),
        (Map<String, String> args) -> {
          Ticket t =
              desk.find(args.get("id"))
                  .orElseThrow(() -> new IllegalArgumentException("No ticket " + args.get("id")));
          return List.of(
              DemoPrompt.Message.user(
                  "Summarize this support ticket in three sentences, then suggest the next step."
                      + " Do not repeat personal data such as phone numbers or card digits.\n\n"
                      + Json.write(t.toJson())));
        });
  }

  private static DemoResource resource(TicketDesk desk, String id) {
    return new DemoResource(
        "ticket://" + id,
        id,
        "Ticket " + id,
        "Support ticket " + id + " as JSON",
        "application/json",
        () -> desk.find(id).map(t -> Json.write(t.toJson())));
  }

  private static JsonNode ticketSchema() {
    ObjectNode customer =
        SchemaBuilder.object()
            .string("name", "Customer name", true)
            .string("email", "Customer email", true)
            .string("phone", "Phone in E.164", true)
            .string("phone_national", "Phone as written locally", true)
            .build();
    return SchemaBuilder.object()
        .string("id", "Ticket id", true)
        .string("subject", "Subject line", true)
        .enumeration("status", "Status", true, STATUSES)
        .enumeration("priority", "Priority", true, "low", "normal", "high", "urgent")
        .property("customer", customer, true)
        .string("created_at", "ISO-8601 instant", true)
        .string("updated_at", "ISO-8601 instant", true)
        .string("body", "The customer's message", true)
        .property("notes", SchemaBuilder.arrayOf(SchemaBuilder.type("string")), true)
        .build();
  }
}
