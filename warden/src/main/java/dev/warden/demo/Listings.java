package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The list results and initialize fragments of one server, rendered to JSON text once: a declared
 * server never changes, so listing it costs one raw write per request.
 */
record Listings(
    String tools, String prompts, String resources, String templates, String capabilities) {

  static Listings of(McpServerSpec spec) {
    return new Listings(
        Json.write(Json.object().set("tools", tools(spec))),
        Json.write(Json.object().set("prompts", prompts(spec))),
        Json.write(Json.object().set("resources", resources(spec))),
        Json.write(Json.object().set("resourceTemplates", templates(spec))),
        Json.write(capabilities(spec)));
  }

  private static ArrayNode tools(McpServerSpec spec) {
    ArrayNode list = Json.array();
    for (DemoTool tool : spec.tools()) {
      ObjectNode t = list.addObject().put("name", tool.name());
      putIfPresent(t, "title", tool.title());
      t.put("description", tool.description());
      t.set("inputSchema", tool.inputSchema());
      if (tool.outputSchema() != null) {
        t.set("outputSchema", tool.outputSchema());
      }
      ObjectNode hints = t.putObject("annotations");
      putIfPresent(hints, "title", tool.title());
      DemoTool.Annotations a = tool.annotations();
      putIfPresent(hints, "readOnlyHint", a.readOnlyHint());
      putIfPresent(hints, "destructiveHint", a.destructiveHint());
      putIfPresent(hints, "idempotentHint", a.idempotentHint());
      putIfPresent(hints, "openWorldHint", a.openWorldHint());
    }
    return list;
  }

  private static ArrayNode prompts(McpServerSpec spec) {
    ArrayNode list = Json.array();
    for (DemoPrompt prompt : spec.prompts()) {
      ObjectNode p = list.addObject().put("name", prompt.name());
      putIfPresent(p, "title", prompt.title());
      putIfPresent(p, "description", prompt.description());
      ArrayNode args = p.putArray("arguments");
      for (DemoPrompt.Argument arg : prompt.arguments()) {
        ObjectNode a = args.addObject().put("name", arg.name());
        putIfPresent(a, "description", arg.description());
        a.put("required", arg.required());
      }
    }
    return list;
  }

  private static ArrayNode resources(McpServerSpec spec) {
    ArrayNode list = Json.array();
    for (DemoResource r : spec.resources()) {
      ObjectNode o = list.addObject().put("uri", r.uri()).put("name", r.name());
      putIfPresent(o, "title", r.title());
      putIfPresent(o, "description", r.description());
      o.put("mimeType", r.mimeType());
    }
    return list;
  }

  private static ArrayNode templates(McpServerSpec spec) {
    ArrayNode list = Json.array();
    for (DemoResourceTemplate t : spec.resourceTemplates()) {
      ObjectNode o = list.addObject().put("uriTemplate", t.uriTemplate()).put("name", t.name());
      putIfPresent(o, "title", t.title());
      putIfPresent(o, "description", t.description());
      o.put("mimeType", t.mimeType());
    }
    return list;
  }

  private static ObjectNode capabilities(McpServerSpec spec) {
    ObjectNode caps = Json.object();
    caps.putObject("tools").put("listChanged", false);
    if (spec.hasPrompts()) {
      caps.putObject("prompts").put("listChanged", false);
    }
    if (spec.hasResources()) {
      caps.putObject("resources").put("subscribe", false).put("listChanged", false);
    }
    return caps;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void putIfPresent(ObjectNode node, String field, Boolean value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
