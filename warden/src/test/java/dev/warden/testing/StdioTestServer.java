package dev.warden.testing;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A real stdio MCP server for tests: the MCP Java SDK's stdio transport in a child JVM started with
 * the test classpath ({@link #command}). Its tools report the process id and environment, and one
 * exits the process in the middle of a call. It offers one resource, {@link #NOTE}.
 */
public final class StdioTestServer {
  /** A text resource that takes subscriptions; the tool {@code touch} announces its update. */
  public static final String NOTE = "stdio://note";

  private StdioTestServer() {}

  /** The argument array that starts this server in a fresh JVM. */
  public static List<String> command() {
    return command(StdioTestServer.class);
  }

  /** The argument array that starts {@code main}'s main method in a fresh JVM, test classpath. */
  public static List<String> command(Class<?> main) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return List.of(
        java,
        "-Xshare:auto",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xmx96m",
        "-cp",
        System.getProperty("java.class.path"),
        main.getName());
  }

  public static void main(String[] args) throws Exception {
    // stdout carries the protocol: everything else that prints goes to stderr.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    AtomicReference<McpSyncServer> self = new AtomicReference<>();
    AtomicBoolean announceOnList = new AtomicBoolean();
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(
            McpJsonDefaults.getMapper(),
            new ListWatch(System.in, announceOnList, () -> self.get().notifyToolsListChanged()),
            protocol);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("stdio-test", "1.0.0")
            .capabilities(
                McpSchema.ServerCapabilities.builder().tools(true).resources(true, false).build())
            .resources(note(NOTE))
            .tools(
                tool("echo", a -> "echo " + a.get("text")),
                tool("pid", a -> Long.toString(ProcessHandle.current().pid())),
                tool("env", a -> String.valueOf(System.getenv(String.valueOf(a.get("name"))))),
                tool(
                    "crash",
                    a -> {
                      System.err.println("crashing on purpose");
                      Runtime.getRuntime().halt(3);
                      return "unreachable";
                    }),
                tool(
                    "touch",
                    a -> {
                      // Told only to the sessions that subscribed to it.
                      self.get()
                          .notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(NOTE));
                      return "touched";
                    }),
                tool(
                    "announce_mid_list",
                    a -> {
                      // A second change arrives while the client fetches the list after the first.
                      announceOnList.set(true);
                      self.get().notifyToolsListChanged();
                      return "announced";
                    }),
                tool(
                    "announce",
                    a -> {
                      self.get().addTool(tool("late", x -> "late"));
                      self.get().notifyToolsListChanged();
                      return "announced";
                    }))
            .build();
    self.set(server);
    System.err.println("stdio test server ready\u001b[31m");
    new CountDownLatch(1).await();
  }

  /**
   * The server's input, watched for a {@code tools/list} request while {@code armed}: the first one
   * seen runs {@code announce} and is held back a moment before the server reads it, so that the
   * announcement goes out while the client waits for the list.
   */
  private static final class ListWatch extends FilterInputStream {
    private static final byte[] LIST = "\"tools/list\"".getBytes(StandardCharsets.US_ASCII);
    private final AtomicBoolean armed;
    private final Runnable announce;

    ListWatch(InputStream in, AtomicBoolean armed, Runnable announce) {
      super(in);
      this.armed = armed;
      this.announce = announce;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && armed.get() && contains(b, off, n) && armed.compareAndSet(true, false)) {
        announce.run();
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return n;
    }

    private static boolean contains(byte[] b, int off, int n) {
      outer:
      for (int i = off; i + LIST.length <= off + n; i++) {
        for (int j = 0; j < LIST.length; j++) {
          if (b[i + j] != LIST[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  /** A plain-text resource named "note" at {@code uri}, whose text is "a note". */
  public static McpServerFeatures.SyncResourceSpecification note(String uri) {
    return new McpServerFeatures.SyncResourceSpecification(
        McpSchema.Resource.builder().uri(uri).name("note").mimeType("text/plain").build(),
        (exchange, request) ->
            new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, "text/plain", "a note"))));
  }

  private static SyncToolSpecification tool(String name, Function<Map<String, Object>, String> f) {
    return new SyncToolSpecification(
        McpSchema.Tool.builder()
            .name(name)
            .description("Test tool " + name)
            .inputSchema(Map.of("type", "object"))
            .build(),
        (exchange, request) ->
            McpSchema.CallToolResult.builder()
                .addTextContent(
                    f.apply(request.arguments() == null ? Map.of() : request.arguments()))
                .isError(false)
                .build());
  }
}
