package dev.warden.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one server offers, as fetched; a kind the server lacks maps to an empty list. {@code
 * toolTasks}: its initialize announced task-augmented {@code tools/call} (2025-11-25 {@code
 * tasks.requests.tools.call}); {@code taskExtension}: its {@code server/discover} announced the
 * 2026-07-28 tasks extension ({@code extensions["io.modelcontextprotocol/tasks"]}); {@code
 * resourceSubscribe}: it announced {@code resources.subscribe}.
 */
record ServerListing(
    Map<ListKind, List<ObjectNode>> items,
    boolean complete,
    boolean toolTasks,
    boolean taskExtension,
    boolean resourceSubscribe) {
  ServerListing(Map<ListKind, List<ObjectNode>> items, boolean complete) {
    this(items, complete, false, false, false);
  }

  static ServerListing unavailable() {
    Map<ListKind, List<ObjectNode>> empty = new EnumMap<>(ListKind.class);
    for (ListKind k : ListKind.values()) {
      empty.put(k, List.of());
    }
    return new ServerListing(empty, false);
  }

  List<ObjectNode> of(ListKind kind) {
    return items.getOrDefault(kind, List.of());
  }
}
