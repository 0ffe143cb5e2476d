package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Declares the {@code docs} demo server over a {@link DocumentStore}. */
final class DocsServer {
  private DocsServer() {}

  static McpServerSpec spec(DocumentStore store, String version) {
    return new McpServerSpec(
        "docs",
        version,
        "The team's internal documents: policies, runbooks, support guides (demo data). Find"
            + " pages with search_docs, read one with get_doc.",
        List.of(search(store), get(store), list(store)),
        List.of(),
        store.all().stream()
            .map(
                d ->
                    DemoResource.fixed(
                        d.uri(), d.path(), d.title(), null, "text/markdown", d.markdown()))
            .toList(),
        List.of());
  }

  private static DemoTool search(DocumentStore store) {
    return new DemoTool(
        "search_docs",
        "Search documents",
        "Find documents whose title or text contain the query.",
        SchemaBuilder.object().string("query", "Text to find", true).build(),
        null,
        DemoTool.Annotations.readOnly(),
        args -> {
          ObjectNode result = Json.object();
          ArrayNode hits = result.putArray("results");
          for (DocumentStore.Hit hit : store.search(new Arguments(args).text("query"))) {
            hits.addObject()
                .put("path", hit.document().path())
                .put("title", hit.document().title())
                .put("snippet", hit.snippet());
          }
          return ToolResult.json(result);
        });
  }

  private static DemoTool get(DocumentStore store) {
    return new DemoTool(
        "get_doc",
        "Get document",
        "Read one document's markdown by path, e.g. policies/refund-policy.md.",
        SchemaBuilder.object()
            .string("path", "Document path from list_docs or search", true)
            .build(),
        null,
        DemoTool.Annotations.readOnly(),
        args -> {
          String path = new Arguments(args).text("path");
          return store
              .find(path)
              .map(d -> ToolResult.json(d.toJson()))
              .orElseGet(() -> ToolResult.error("No document " + path));
        });
  }

  private static DemoTool list(DocumentStore store) {
    return new DemoTool(
        "list_docs",
        "List documents",
        "List every document's path and title.",
        SchemaBuilder.object().build(),
        null,
        DemoTool.Annotations.readOnly(),
        args -> {
          ObjectNode result = Json.object();
          ArrayNode docs = result.putArray("documents");
          for (Document d : store.all()) {
            docs.addObject()
                .put("path", d.path())
                .put("title", d.title())
                .put("reviewed", d.reviewed().toString());
          }
          return ToolResult.json(result);
        });
  }
}
