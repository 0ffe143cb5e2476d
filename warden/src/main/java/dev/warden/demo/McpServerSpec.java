package dev.warden.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A whole MCP server, declared: what {@link McpServerEndpoint} serves. Capabilities follow from it:
 * prompts are advertised only when there are prompts, resources only when there are resources or
 * templates.
 *
 * @param name serverInfo.name
 * @param instructions sent in the initialize result to tell the model how to use the server
 */
public record McpServerSpec(
    String name,
    String version,
    String instructions,
    List<DemoTool> tools,
    List<DemoPrompt> prompts,
    List<DemoResource> resources,
    List<DemoResourceTemplate> resourceTemplates) {

  public McpServerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    resourceTemplates = List.copyOf(resourceTemplates);
    requireUnique(tools, DemoTool::name, "tool");
    requireUnique(prompts, DemoPrompt::name, "prompt");
    requireUnique(resources, DemoResource::uri, "resource");
  }

  /** A server with tools only. */
  public static McpServerSpec ofTools(
      String name, String version, String instructions, List<DemoTool> tools) {
    return new McpServerSpec(name, version, instructions, tools, List.of(), List.of(), List.of());
  }

  public boolean hasPrompts() {
    return !prompts.isEmpty();
  }

  public boolean hasResources() {
    return !resources.isEmpty() || !resourceTemplates.isEmpty();
  }

  private static <T> void requireUnique(List<T> items, Function<T, String> key, String what) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException("duplicate " + what + " '" + key.apply(item) + "'");
      }
    }
  }
}
