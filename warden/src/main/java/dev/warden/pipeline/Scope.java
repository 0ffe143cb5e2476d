package dev.warden.pipeline;

/**
 * What a persona lets an agent see and use, by exposed name (tools, prompts) or URI (resources).
 */
public interface Scope {
  String persona();

  boolean allowsTool(String exposedName);

  boolean allowsPrompt(String exposedName);

  boolean allowsResource(String uri);
}
