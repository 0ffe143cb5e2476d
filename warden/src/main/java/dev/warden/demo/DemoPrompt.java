package dev.warden.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One prompt template of a declared MCP server.
 *
 * @param handler builds the messages from the arguments; an {@link IllegalArgumentException}
 *     becomes a JSON-RPC invalid-params error (a wrong id, say)
 */
public record DemoPrompt(
    String name,
    String title,
    String description,
    List<Argument> arguments,
    Function<Map<String, String>, List<Message>> handler) {

  public DemoPrompt {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    arguments = List.copyOf(arguments);
  }

  public record Argument(String name, String description, boolean required) {}

  /**
   * A text message of the prompt.
   *
   * @param role "user" or "assistant"
   */
  public record Message(String role, String text) {
    public static Message user(String text) {
      return new Message("user", text);
    }
  }
}
