package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.audit.AuditEntry;
import dev.warden.audit.AuditRecord;
import dev.warden.audit.AuditTrail;
import dev.warden.audit.ChainVerifier;
import dev.warden.config.ConfigLoader;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The durability promise with a real process: {@code kill -9} the gateway jar under load from
 * several agents, then every tool call whose response arrived must have its record in the store,
 * and the chain must still verify.
 */
class AuditKillIT {
  private static final int AGENTS = 4;

  @TempDir Path dir;

  @Test
  void killNineLosesNoAcknowledgedCall() throws Exception {
    try (SdkUpstream upstream = SdkUpstream.start("tickets", Map.of("get_ticket", a -> "t"))) {
      int port = freePort();
      int adminPort = freePort();
      Path config = writeConfig(port, adminPort, upstream.url());
      Process process =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-jar",
                  Path.of("target", "warden.jar").toAbsolutePath().toString(),
                  "serve",
                  "--config",
                  config.toString())
              .redirectOutput(dir.resolve("stdout.txt").toFile())
              .redirectError(dir.resolve("stderr.txt").toFile())
              .start();
      Map<String, AtomicLong> acked = new HashMap<>();
      try {
        awaitHealthy(adminPort, process);
        AtomicBoolean go = new AtomicBoolean(true);
        List<Future<?>> loops = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(AGENTS)) {
          for (int i = 0; i < AGENTS; i++) {
            AtomicLong count = new AtomicLong();
            acked.put("bot" + i, count);
            McpSyncClient client = client(port, "agent-key-" + i + "-5d1c9e");
            loops.add(pool.submit(() -> callUntilGone(client, go, count)));
          }
          // Let the load run, then kill the process while calls are in flight.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (total(acked) < 400 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          process.destroyForcibly();
          assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
          go.set(false);
          for (Future<?> f : loops) {
            f.get(60, TimeUnit.SECONDS);
          }
        }
      } finally {
        process.destroyForcibly();
      }
      assertThat(total(acked)).as("calls answered before the kill").isGreaterThan(100);

      try (AuditTrail trail = AuditTrail.open(ConfigLoader.loadStorage(config))) {
        Map<String, Long> recorded = answeredCallRecords(trail);
        for (Map.Entry<String, AtomicLong> a : acked.entrySet()) {
          // Each agent calls one at a time, so its answered calls are the first of its records.
          assertThat(recorded.getOrDefault(a.getKey(), 0L))
              .as("records of %s's calls (answered: %d)", a.getKey(), a.getValue().get())
              .isGreaterThanOrEqualTo(a.getValue().get());
        }
        System.out.printf(
            "kill -9 after %d answered calls %s; decision records of tools/call %s%n",
            total(acked), acked, recorded);
        ChainVerifier.Verdict verdict = trail.verifier().verify();
        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
      }
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new Main());
      cli.setOut(new PrintWriter(out));
      assertThat(cli.execute("audit", "verify", "--config", config.toString())).isZero();
      assertThat(out.toString()).contains("audit trail intact");
    }
  }

  private Path writeConfig(int port, int adminPort, java.net.URI upstream) throws IOException {
    Files.writeString(dir.resolve("checkpoint.key"), "kill-test-checkpoint-key\n");
    StringBuilder agents = new StringBuilder();
    for (int i = 0; i < AGENTS; i++) {
      Files.writeString(dir.resolve("key" + i), "agent-key-" + i + "-5d1c9e\n");
      agents.append(
          "  - id: bot%d\n    personas: [triage]\n    keys: [\"${file:key%d}\"]\n".formatted(i, i));
    }
    Path config = dir.resolve("warden.yaml");
    Files.writeString(
        config,
        """
        listen: 127.0.0.1:%d
        admin:
          listen: 127.0.0.1:%d
        storage: sqlite:data/warden.db
        audit:
          checkpoint-key: "${file:checkpoint.key}"
          checkpoint-every: 50
        servers:
          - id: tickets
            transport: streamable-http
            url: %s
        personas:
          - id: triage
            description: Reads tickets.
            tools: [tickets__get_*]
        agents:
        %s"""
            .formatted(port, adminPort, upstream, agents));
    return config;
  }

  /** Decision records of answered tool calls, per agent. */
  private static Map<String, Long> answeredCallRecords(AuditTrail trail) throws Exception {
    Map<String, Long> recorded = new HashMap<>();
    long after = 0;
    List<AuditRecord> page;
    do {
      page = trail.sink().read(after, 1000);
      for (AuditRecord r : page) {
        AuditEntry e = r.entry();
        if (!e.kind().equals(AuditEntry.COMPLETION)
            && e.method().equals("tools/call")
            && e.decision().equals("ok")) {
          recorded.merge(e.agent(), 1L, Long::sum);
        }
        after = r.seq();
      }
    } while (page.size() == 1000);
    return recorded;
  }

  private static void callUntilGone(McpSyncClient client, AtomicBoolean go, AtomicLong count) {
    while (go.get()) {
      try {
        McpSchema.CallToolResult r =
            client.callTool(
                McpSchema.CallToolRequest.builder("tickets__get_ticket")
                    .arguments(Map.of("id", "T-1"))
                    .build());
        if (!Boolean.TRUE.equals(r.isError())) {
          count.incrementAndGet();
        }
      } catch (RuntimeException gone) {
        return; // the gateway was killed
      }
    }
  }

  private static long total(Map<String, AtomicLong> acked) {
    return acked.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private static McpSyncClient client(int port, String key) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint("/personas/triage/mcp")
            .httpRequestCustomizer(
                (b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + key))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
    client.initialize();
    return client;
  }

  private static void awaitHealthy(int adminPort, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("gateway process exited early").isTrue();
        try {
          String body =
              http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + adminPort + "/healthz"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
          if (body.contains("ok")) {
            return;
          }
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
    }
    throw new AssertionError("gateway did not become healthy in 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
