package dev.warden.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ExposedName;
import dev.warden.mcp.ParamHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An immutable snapshot of everything the registry's servers offer, under exposed names. */
public final class CatalogView {
  private static final Logger log = LoggerFactory.getLogger(CatalogView.class);

  private final Map<ListKind, Map<String, CatalogEntry>> entries = new EnumMap<>(ListKind.class);
  private final List<TemplateRoute> templateRoutes = new ArrayList<>();
  private final Set<String> unavailable = new HashSet<>();
  private final Set<String> toolTasks = new HashSet<>();
  private final Set<String> taskExtension = new HashSet<>();
  private final Set<String> resourceSubscribe = new HashSet<>();
  private final boolean complete;

  /** A resource template reduced to what routing needs: its fixed prefix and suffix. */
  private record TemplateRoute(String server, String prefix, String suffix) {
    boolean matches(String uri) {
      return uri.length() >= prefix.length() + suffix.length()
          && uri.startsWith(prefix)
          && uri.endsWith(suffix);
    }
  }

  CatalogView(Map<String, ServerListing> listings) {
    boolean allComplete = true;
    for (ListKind kind : ListKind.values()) {
      entries.put(kind, new LinkedHashMap<>());
    }
    for (Map.Entry<String, ServerListing> e : listings.entrySet()) {
      String server = e.getKey();
      ServerListing listing = e.getValue();
      allComplete &= listing.complete();
      if (!listing.complete()) {
        unavailable.add(server);
      }
      if (listing.toolTasks()) {
        toolTasks.add(server);
      }
      if (listing.taskExtension()) {
        taskExtension.add(server);
      }
      if (listing.resourceSubscribe()) {
        resourceSubscribe.add(server);
      }
      for (ListKind kind : ListKind.values()) {
        for (ObjectNode item : listing.of(kind)) {
          add(kind, server, item);
        }
      }
    }
    this.complete = allComplete;
  }

  private void add(ListKind kind, String server, ObjectNode item) {
    String upstreamName;
    String exposed;
    ObjectNode definition = item.deepCopy();
    if (kind == ListKind.RESOURCES) {
      upstreamName = item.path("uri").asText("");
      exposed = upstreamName;
      if (item.hasNonNull("name")) {
        definition.put("name", ExposedName.of(server, item.path("name").asText()));
      }
    } else {
      upstreamName = item.path("name").asText("");
      exposed = ExposedName.of(server, upstreamName);
      definition.put("name", exposed);
    }
    if (upstreamName.isEmpty()) {
      log.warn("server {} listed a {} entry without a name; skipped", server, kind.field());
      return;
    }
    CatalogEntry previous =
        entries
            .get(kind)
            .putIfAbsent(
                exposed,
                new CatalogEntry(
                    server,
                    exposed,
                    upstreamName,
                    definition,
                    kind == ListKind.TOOLS ? ParamHeaders.declared(definition) : List.of()));
    if (previous != null) {
      log.warn(
          "{} '{}' is offered twice; the first ({}) is kept",
          kind.field(),
          exposed,
          previous.server());
    } else if (kind == ListKind.TEMPLATES) {
      String template = item.path("uriTemplate").asText("");
      int open = template.indexOf('{');
      int close = template.lastIndexOf('}');
      if (open >= 0 && close > open) {
        templateRoutes.add(
            new TemplateRoute(server, template.substring(0, open), template.substring(close + 1)));
      }
    }
  }

  /** Every entry of a kind, in server order then the server's own order. */
  public List<CatalogEntry> list(ListKind kind) {
    return Collections.unmodifiableList(new ArrayList<>(entries.get(kind).values()));
  }

  public Optional<CatalogEntry> find(ListKind kind, String exposedName) {
    return Optional.ofNullable(entries.get(kind).get(exposedName));
  }

  /** The server a resource URI belongs to: the one that listed it, else a matching template. */
  public Optional<String> serverOfResource(String uri) {
    CatalogEntry listed = entries.get(ListKind.RESOURCES).get(uri);
    if (listed != null) {
      return Optional.of(listed.server());
    }
    TemplateRoute best = null;
    for (TemplateRoute r : templateRoutes) {
      if (r.matches(uri) && (best == null || r.prefix().length() > best.prefix().length())) {
        best = r;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.server());
  }

  /** True when {@code server} could not be listed, so what it offers is unknown. */
  public boolean isUnavailable(String server) {
    return unavailable.contains(server);
  }

  /** True when {@code server} announced task-augmented tools/call in its initialize. */
  public boolean offersToolTasks(String server) {
    return toolTasks.contains(server);
  }

  /**
   * True when {@code server} speaks 2026-07-28 and announced the tasks extension ({@code
   * io.modelcontextprotocol/tasks}) in its {@code server/discover}.
   */
  public boolean offersTaskExtension(String server) {
    return taskExtension.contains(server);
  }

  /** True when {@code server} announced {@code resources.subscribe}. */
  public boolean offersResourceSubscribe(String server) {
    return resourceSubscribe.contains(server);
  }

  /** False when some server could not be listed; such a view is refreshed again soon. */
  public boolean complete() {
    return complete;
  }

  static String text(JsonNode node) {
    return node == null ? "" : node.asText("");
  }
}
