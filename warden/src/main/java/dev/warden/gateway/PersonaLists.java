package dev.warden.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.pipeline.Scope;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;

/**
 * The catalog as one persona sees it: the lists the gateway answers itself, and what the persona's
 * virtual server announces (tasks, resource subscriptions), which depends on what it can see.
 */
final class PersonaLists {
  private PersonaLists() {}

  /** A list result ({@code tools/list}, …) with only the entries the persona allows. */
  static ObjectNode list(CatalogView view, ListKind kind, Scope scope) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode items = result.putArray(kind.field());
    for (CatalogEntry e : view.list(kind)) {
      if (visible(kind, scope, e)) {
        items.add(e.definition());
      }
    }
    return result;
  }

  static boolean visible(ListKind kind, Scope scope, CatalogEntry e) {
    return switch (kind) {
      case TOOLS -> scope.allowsTool(e.exposedName());
      case PROMPTS -> scope.allowsPrompt(e.exposedName());
      case RESOURCES -> scope.allowsResource(e.upstreamName());
      case TEMPLATES -> scope.allowsResource(e.definition().path("uriTemplate").asText(""));
    };
  }

  /**
   * True when a server that offers the persona a tool announced task-augmented tools/call: only
   * then does the persona's virtual server announce {@code tasks}.
   */
  static boolean offersToolTasks(CatalogView view, Scope scope) {
    return view.list(ListKind.TOOLS).stream()
        .anyMatch(e -> view.offersToolTasks(e.server()) && visible(ListKind.TOOLS, scope, e));
  }

  /**
   * True when a server that offers the persona a tool runs tools as tasks for 2026-07-28 clients:
   * only then does {@code server/discover} announce the tasks extension.
   */
  static boolean offersTasks(CatalogView view, Scope scope) {
    return view.list(ListKind.TOOLS).stream()
        .anyMatch(
            e -> StatelessTasks.offers(view, e.server()) && visible(ListKind.TOOLS, scope, e));
  }

  /** True when a server that offers the persona a resource takes subscriptions. */
  static boolean offersSubscriptions(CatalogView view, Scope scope) {
    return view.list(ListKind.RESOURCES).stream()
        .anyMatch(
            e -> view.offersResourceSubscribe(e.server()) && visible(ListKind.RESOURCES, scope, e));
  }
}
