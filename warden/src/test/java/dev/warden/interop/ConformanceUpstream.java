package dev.warden.interop;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The reference upstream for the MCP conformance suite: an MCP Java SDK server over Streamable HTTP
 * on 127.0.0.1 offering every tool, resource and prompt the suite's server scenarios ask for. Like
 * most SDK servers it does not check Host or Origin itself.
 */
final class ConformanceUpstream implements AutoCloseable {
  private final Server server;
  private final McpSyncServer mcp;

  /** {@code clientWait}: how long a tool waits for the client to answer sampling or elicitation. */
  ConformanceUpstream(Duration clientWait) throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    this.mcp =
        McpServer.sync(transport)
            .serverInfo("conformance-reference", "1.0.0")
            .capabilities(
                McpSchema.ServerCapabilities.builder()
                    .tools(true)
                    .prompts(true)
                    .resources(true, true)
                    .logging()
                    .completions()
                    .build())
            .requestTimeout(clientWait)
            .tools(ConformanceTools.all())
            .resources(resources())
            .resourceTemplates(templates())
            .prompts(prompts())
            .completions(completions())
            .build();
    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/mcp");
    server.setHandler(context);
    server.start();
  }

  /** The endpoint under a loopback name the suite accepts for its localhost checks. */
  URI url() {
    return URI.create(
        "http://localhost:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/mcp");
  }

  private static List<SyncResourceSpecification> resources() {
    return List.of(
        resource(
            "test://static-text",
            "text/plain",
            uri ->
                new TextResourceContents(
                    uri, "text/plain", "This is the content of the static text resource.")),
        resource(
            "test://static-binary",
            "image/png",
            uri -> new BlobResourceContents(uri, "image/png", ConformanceTools.PNG)),
        resource(
            "test://watched-resource",
            "text/plain",
            uri -> new TextResourceContents(uri, "text/plain", "Watched resource content")));
  }

  private static SyncResourceSpecification resource(
      String uri,
      String mimeType,
      java.util.function.Function<String, McpSchema.ResourceContents> read) {
    String name = uri.substring(uri.indexOf("://") + 3);
    return new SyncResourceSpecification(
        McpSchema.Resource.builder(uri, name)
            .description("Conformance resource " + name)
            .mimeType(mimeType)
            .build(),
        (exchange, request) -> new ReadResourceResult(List.of(read.apply(request.uri()))));
  }

  private static List<SyncResourceTemplateSpecification> templates() {
    return List.of(
        new SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder("test://template/{id}/data", "template-data")
                .description("Data for an id")
                .mimeType("application/json")
                .build(),
            (exchange, request) -> {
              String uri = request.uri();
              String id = uri.substring("test://template/".length(), uri.lastIndexOf("/data"));
              return new ReadResourceResult(
                  List.of(
                      new TextResourceContents(
                          uri,
                          "application/json",
                          "{\"id\":\""
                              + id
                              + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                              + id
                              + "\"}")));
            }));
  }

  private static List<SyncPromptSpecification> prompts() {
    return List.of(
        prompt(
            "test_simple_prompt",
            List.of(),
            args -> List.of(user(new TextContent("This is a simple prompt for testing.")))),
        prompt(
            "test_prompt_with_arguments",
            List.of(
                new PromptArgument("arg1", "First argument", true),
                new PromptArgument("arg2", "Second argument", true)),
            args ->
                List.of(
                    user(
                        new TextContent(
                            "Prompt with arguments: arg1='"
                                + args.get("arg1")
                                + "', arg2='"
                                + args.get("arg2")
                                + "'")))),
        prompt(
            "test_prompt_with_embedded_resource",
            List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)),
            args ->
                List.of(
                    user(
                        ConformanceTools.embedded(
                            String.valueOf(args.get("resourceUri")),
                            "text/plain",
                            "Embedded resource content for testing.")),
                    user(new TextContent("Please process the embedded resource above.")))),
        prompt(
            "test_prompt_with_image",
            List.of(),
            args ->
                List.of(
                    user(McpSchema.ImageContent.builder(ConformanceTools.PNG, "image/png").build()),
                    user(new TextContent("Please analyze the image above.")))));
  }

  private static SyncPromptSpecification prompt(
      String name,
      List<PromptArgument> arguments,
      java.util.function.Function<Map<String, Object>, List<PromptMessage>> messages) {
    return new SyncPromptSpecification(
        new McpSchema.Prompt(name, "Conformance prompt " + name, arguments),
        (exchange, request) ->
            new GetPromptResult(
                "Conformance prompt " + name,
                messages.apply(request.arguments() == null ? Map.of() : request.arguments())));
  }

  private static PromptMessage user(McpSchema.Content content) {
    return new PromptMessage(Role.USER, content);
  }

  private static List<SyncCompletionSpecification> completions() {
    return List.of(
        new SyncCompletionSpecification(
            new McpSchema.PromptReference("test_prompt_with_arguments"),
            (exchange, request) ->
                new CompleteResult(
                    new CompleteResult.CompleteCompletion(
                        List.of("paris", "park", "party"), 3, false))));
  }

  @Override
  public void close() throws Exception {
    mcp.closeGracefully();
    server.stop();
  }
}
