package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as a user runs it: {@code java -jar warden.jar serve --config FILE}, a real
 * process with secrets from the environment and a file, driven by the official MCP SDK client.
 */
class ServeCommandIT {
  private static final String CANARY = "canary-7f3a9c1e5b2d4086";
  private static final String AGENT_KEY = "agent-key-1b6e0f9d";

  @TempDir Path dir;

  @Test
  void servesAConfigurationAndKeepsItsSecrets() throws Exception {
    try (SdkUpstream upstream =
        SdkUpstream.start("tickets", Map.of("get_ticket", a -> "ticket " + a.get("id")))) {
      int port = freePort();
      int adminPort = freePort();
      Path secretFile = dir.resolve("tickets-token");
      Files.writeString(secretFile, CANARY + "\n");
      Path config = dir.resolve("warden.yaml");
      Files.writeString(
          config,
          """
          listen: 127.0.0.1:%d
          admin:
            listen: 127.0.0.1:%d
          servers:
            - id: tickets
              transport: streamable-http
              url: %s
              headers:
                Authorization: "Bearer ${file:%s}"
          personas:
            - id: triage
              description: Reads tickets.
              tools: [tickets__get_*]
          agents:
            - id: bot
              personas: [triage]
              keys: ["${env:BOT_KEY}"]
          """
              .formatted(port, adminPort, upstream.url(), secretFile));
      Path out = dir.resolve("stdout.txt");
      Path err = dir.resolve("stderr.txt");
      ProcessBuilder pb =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-jar",
                  Path.of("target", "warden.jar").toAbsolutePath().toString(),
                  "serve",
                  "--config",
                  config.toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().put("BOT_KEY", AGENT_KEY);
      Process process = pb.start();
      try {
        awaitHealthy(adminPort, process);
        McpSyncClient client = client(port);
        McpSchema.CallToolResult result =
            client.callTool(
                McpSchema.CallToolRequest.builder("tickets__get_ticket")
                    .arguments(Map.of("id", "T-9"))
                    .build());
        assertThat(((McpSchema.TextContent) result.content().get(0)).text())
            .isEqualTo("ticket T-9");
        client.closeGracefully();
        String metrics = get(adminPort, "/metrics");
        assertThat(metrics)
            .contains("warden_calls_total{method=\"tools/call\",outcome=\"ok\",persona=\"triage\"");
        assertThat(get(adminPort, "/admin/api/v1/servers")).doesNotContain(CANARY);
      } finally {
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }
      // The upstream got the configured credential, never the agent's own.
      List<Map<String, String>> seen = upstream.requestHeaders();
      assertThat(seen)
          .isNotEmpty()
          .allSatisfy(h -> assertThat(h.get("authorization")).isEqualTo("Bearer " + CANARY));
      assertThat(Files.readString(out))
          .contains("http://127.0.0.1:" + port + "/personas/triage/mcp")
          .doesNotContain(CANARY, AGENT_KEY);
      assertThat(Files.readString(err)).doesNotContain(CANARY, AGENT_KEY);
    }
  }

  private static McpSyncClient client(int port) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint("/personas/triage/mcp")
            .httpRequestCustomizer(
                (b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + AGENT_KEY))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static void awaitHealthy(int adminPort, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("gateway process exited early").isTrue();
      try {
        if (get(adminPort, "/healthz").contains("ok")) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("gateway did not become healthy in 30 s");
  }

  private static String get(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
