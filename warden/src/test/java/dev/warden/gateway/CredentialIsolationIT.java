package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.Transport;
import dev.warden.testing.EventStream;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.HttpStub;
import dev.warden.testing.HttpStub.Answer;
import dev.warden.testing.LogCapture;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §3: upstream credentials come only from the server's configuration and never leave
 * towards an agent or a log; the agent's own credential never goes upstream. A canary secret is
 * planted in server headers and a whole session's worth of traffic, good and bad, is searched for
 * it.
 */
class CredentialIsolationIT {
  final String canary = "canary-" + UUID.randomUUID();
  final String agentKey = "agent-key-" + UUID.randomUUID();

  @Test
  void upstreamSecretsStayBetweenTheGatewayAndTheUpstream() throws Exception {
    List<String> leakedInto = new ArrayList<>();
    try (LogCapture logs = LogCapture.start();
        SdkUpstream backend =
            SdkUpstream.start("backend", Map.of("echo", args -> "echo " + args.get("text")));
        HttpStub reflector = reflectingServer()) {
      try (GatewayHarness harness =
          GatewayHarness.start(
              GatewayHarness.config(
                  List.of(
                      withHeaders(
                          "backend",
                          backend.url(),
                          Map.of(
                              "Authorization", Secret.of("Bearer " + canary, "env:BACKEND_TOKEN"),
                              "X-Api-Key", Secret.of(canary + "-key", "env:BACKEND_KEY"))),
                      withHeaders(
                          "reflector",
                          reflector.url(),
                          Map.of("X-Api-Key", Secret.of(canary + "-reflected", "env:REFL_KEY"))),
                      withHeaders(
                          "down",
                          HttpStub.nobodyListening(),
                          Map.of("Authorization", Secret.of("Bearer " + canary, "env:DOWN")))),
                  List.of(persona("all", "*")),
                  List.of(agent("bot", agentKey, "all"))))) {
        RawMcp raw = harness.raw("all", agentKey);
        exerciseEveryPath(harness, raw);

        for (Reply r : raw.transcript()) {
          if (r.body().contains(canary) || r.headers().toString().contains(canary)) {
            leakedInto.add("response " + r.status() + ": " + r.headers() + " " + r.body());
          }
        }
        assertThat(raw.transcript()).hasSizeGreaterThan(10);
      }

      // The upstreams got the configured secrets, and never the agent's key.
      List<Map<String, String>> backendSaw = backend.requestHeaders();
      assertThat(backendSaw).isNotEmpty();
      assertThat(backendSaw)
          .allSatisfy(
              h -> {
                assertThat(h).containsEntry("authorization", "Bearer " + canary);
                assertThat(h).containsEntry("x-api-key", canary + "-key");
              });
      assertThat(reflector.received())
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.header("x-api-key")).isEqualTo(canary + "-reflected");
                assertThat(r.header("authorization")).isNull();
              });
      List<String> upstreamHeaderValues = new ArrayList<>();
      backendSaw.forEach(h -> upstreamHeaderValues.addAll(h.values()));
      reflector.received().forEach(r -> upstreamHeaderValues.addAll(r.headers().values()));
      assertThat(upstreamHeaderValues).noneMatch(v -> v.contains(agentKey));
      assertThat(reflector.received()).noneMatch(r -> r.body().contains(agentKey));

      // Nothing logged, at any level of Warden's own loggers, holds a secret.
      List<String> lines = logs.lines();
      assertThat(lines).as("the capture sees the gateway's logging").isNotEmpty();
      assertThat(lines).anyMatch(l -> l.contains("upstream 'down'"));
      for (String line : lines) {
        if (line.contains(canary) || line.contains(agentKey)) {
          leakedInto.add("log: " + line);
        }
      }
    }
    assertThat(leakedInto).isEmpty();
  }

  /** Good calls, failing calls, streams and refusals: every path a response or a log can take. */
  private void exerciseEveryPath(GatewayHarness harness, RawMcp raw) throws Exception {
    McpSyncClient sdk = harness.client("all", agentKey);
    assertThat(sdk.listTools().tools()).extracting(McpSchema.Tool::name).contains("backend__echo");
    sdk.callTool(new McpSchema.CallToolRequest("backend__echo", Map.of("text", "sdk")));

    String session = raw.initialize();
    try (EventStream stream = raw.openStream(session)) {
      assertThat(raw.call(session, "tools/list", null).status()).isEqualTo(200);
      Reply echo = raw.callTool(session, "backend__echo", Map.of("text", "hi"));
      assertThat(echo.result().path("content").get(0).path("text").asText()).isEqualTo("echo hi");
      for (String tool :
          List.of("reflect_text", "reflect_json", "reflect_sse", "reflect_401", "reflect_500")) {
        Reply r = raw.callTool(session, "reflector__" + tool, Map.of());
        assertThat(r.errorCode()).as(tool + ": " + r.body()).isNotZero();
      }
      assertThat(raw.callTool(session, "down__anything", Map.of()).errorCode()).isNotZero();
      assertThat(raw.callTool(session, "backend__missing", Map.of()).errorCode()).isNotZero();
      raw.call(session, "prompts/get", "{\"name\":\"backend__none\"}");
      raw.call(session, "resources/read", "{\"uri\":\"file:///etc/passwd\"}");
      raw.call(
          session, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"x\"}}");
      raw.post(session, "{not json");
      raw.call("bogus-session", "tools/list", null);
      new RawMcp(raw.endpoint(), null).call(session, "tools/list", null);
      new RawMcp(raw.endpoint(), "wrong").call(session, "tools/list", null);
      raw.bodiless("DELETE", session);
      stream.ended().get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(stream.text()).doesNotContain(canary);
    }
  }

  /**
   * An upstream that echoes every header it received back in its answers, in forms the gateway must
   * not relay (not JSON-RPC, an HTTP error), so a relay of them would show the canary.
   */
  private static HttpStub reflectingServer() throws Exception {
    Map<String, BiFunction<JsonNode, HttpStub.Received, Answer>> tools = new LinkedHashMap<>();
    tools.put("reflect_text", (id, r) -> new Answer(200, "text/plain", r.headers().toString()));
    tools.put(
        "reflect_json",
        (id, r) -> new Answer(200, HttpStub.JSON_TYPE, "{\"headers\":\"" + r.headers() + "\"}"));
    tools.put(
        "reflect_sse",
        (id, r) -> new Answer(200, "text/event-stream", "data: " + r.headers() + "\n\n"));
    tools.put(
        "reflect_401",
        (id, r) ->
            new Answer(
                401,
                "text/plain",
                "bad token " + r.header("x-api-key"),
                List.of("WWW-Authenticate", "Bearer error=\"" + r.header("x-api-key") + "\"")));
    tools.put(
        "reflect_500", (id, r) -> new Answer(500, "text/html", "<pre>" + r.headers() + "</pre>"));
    return HttpStub.mcp(tools);
  }

  private static ServerConfig withHeaders(String id, URI url, Map<String, Secret> headers) {
    return new ServerConfig(
        id,
        Transport.STREAMABLE_HTTP,
        url,
        headers,
        List.of(),
        Map.of(),
        ServerConfig.DEFAULT_TIMEOUT,
        ServerConfig.DEFAULT_CONNECT_TIMEOUT);
  }
}
