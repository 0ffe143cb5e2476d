package dev.warden.testing;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tools for an {@link SdkUpstream} that turn to the client in the middle of a call (sampling,
 * elicitation) or run long (progress, cancellation): what the relay tests drive through the
 * gateway.
 */
public final class RelayTools {
  private RelayTools() {}

  /** Adds {@code ask_model}: asks the client's model "2+2?"; answers "model said " and its text. */
  public static void askModel(SdkUpstream upstream) {
    upstream.addTool(
        "ask_model",
        (exchange, args) -> {
          McpSchema.CreateMessageResult r =
              exchange.createMessage(
                  McpSchema.CreateMessageRequest.builder()
                      .messages(
                          List.of(
                              new McpSchema.SamplingMessage(
                                  McpSchema.Role.USER, new McpSchema.TextContent("2+2?"))))
                      .maxTokens(10)
                      .build());
          return "model said " + ((McpSchema.TextContent) r.content()).text();
        });
  }

  /** Adds {@code ask_user}: asks the user "Your name?"; answers "user ", the action and content. */
  public static void askUser(SdkUpstream upstream) {
    askUser(upstream, failure -> {});
  }

  /**
   * {@link #askUser(SdkUpstream)}, handing the message of a failed elicitation to {@code failures}.
   */
  public static void askUser(SdkUpstream upstream, Consumer<String> failures) {
    upstream.addTool(
        "ask_user",
        (exchange, args) -> {
          try {
            McpSchema.ElicitResult r =
                exchange.createElicitation(
                    McpSchema.ElicitFormRequest.builder(
                            "Your name?",
                            Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("name", Map.of("type", "string"))))
                        .build());
            return "user " + r.action() + " " + r.content();
          } catch (RuntimeException e) {
            failures.accept(String.valueOf(e.getMessage()));
            throw e;
          }
        });
  }

  /**
   * Adds {@code ask_then_slow}: asks the user "Go on?", then runs 300 steps of 100 ms, with a
   * progress notification for each when the call carries a progress token; answers "done".
   */
  public static void askThenSlow(SdkUpstream upstream) {
    upstream
        .mcp()
        .addTool(
            new SyncToolSpecification(
                McpSchema.Tool.builder()
                    .name("ask_then_slow")
                    .description("Asks the user, then runs long, reporting progress")
                    .inputSchema(Map.of("type", "object"))
                    .build(),
                (exchange, request) -> {
                  exchange.createElicitation(
                      McpSchema.ElicitFormRequest.builder(
                              "Go on?", Map.of("type", "object", "properties", Map.of()))
                          .build());
                  Object token =
                      request.meta() == null ? null : request.meta().get("progressToken");
                  for (int i = 1; i <= 300; i++) {
                    if (token != null) {
                      exchange.progressNotification(
                          new McpSchema.ProgressNotification(token, i, 300.0, "step " + i));
                    }
                    Eventually.sleep(100);
                  }
                  return McpSchema.CallToolResult.builder().addTextContent("done").build();
                }));
  }

  /**
   * Adds {@code slow}: {@code steps} (argument, default 100) steps of 100 ms each, with a progress
   * notification ("step i") for each of the first {@code loud} steps (argument, default all) when
   * the call carries a progress token; answers "done".
   */
  public static void slow(SdkUpstream upstream) {
    upstream
        .mcp()
        .addTool(
            new SyncToolSpecification(
                McpSchema.Tool.builder()
                    .name("slow")
                    .description("Takes 100 ms per step, reporting progress")
                    .inputSchema(Map.of("type", "object"))
                    .build(),
                (exchange, request) -> {
                  Object token =
                      request.meta() == null ? null : request.meta().get("progressToken");
                  int steps = ((Number) request.arguments().getOrDefault("steps", 100)).intValue();
                  int loud = ((Number) request.arguments().getOrDefault("loud", steps)).intValue();
                  for (int i = 1; i <= steps; i++) {
                    if (token != null && i <= loud) {
                      exchange.progressNotification(
                          new McpSchema.ProgressNotification(
                              token, i, (double) steps, "step " + i));
                    }
                    Eventually.sleep(100);
                  }
                  return McpSchema.CallToolResult.builder().addTextContent("done").build();
                }));
  }
}
