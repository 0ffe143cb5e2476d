package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoint's HTTP and JSON-RPC behaviour, with raw requests against a small spec. */
class McpServerEndpointTest {
  private static EndpointFixture server;

  @BeforeAll
  static void start() throws Exception {
    DemoTool echo =
        new DemoTool(
            "echo",
            null,
            "Echoes its text",
            SchemaBuilder.object().string("text", "Text", true).build(),
            null,
            DemoTool.Annotations.readOnly(),
            args -> ToolResult.text(new Arguments(args).text("text")));
    DemoTool broken =
        new DemoTool(
            "broken",
            null,
            "Always fails",
            SchemaBuilder.object().build(),
            null,
            DemoTool.Annotations.readOnly(),
            args -> {
              throw new IllegalStateException("disk on fire");
            });
    McpServerSpec spec =
        new McpServerSpec(
            "test",
            "1.0",
            "For tests",
            List.of(echo, broken),
            List.of(),
            List.of(),
            List.of(
                new DemoResourceTemplate(
                    "item://{id}",
                    "item",
                    null,
                    null,
                    "text/plain",
                    v -> Optional.of(v.get("id")))));
    server = new EndpointFixture(spec);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  private static HttpResponse<String> call(String sessionId, String method, String params)
      throws Exception {
    return server.post(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"%s\",\"params\":%s}".formatted(method, params),
        sessionId);
  }

  @Test
  void initializeOpensASessionWithARandomBase64UrlId() throws Exception {
    String a = server.initialize("2025-11-25");
    String b = server.initialize("2025-11-25");
    assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void initializeAnswersWithTheClientsVersionWhenSupported() throws Exception {
    for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
      HttpResponse<String> r =
          server.post(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                  + version
                  + "\"}}",
              null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode result = json(r).path("result");
      assertThat(result.path("protocolVersion").asText()).isEqualTo(version);
      assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("test");
      assertThat(result.path("instructions").asText()).isEqualTo("For tests");
      assertThat(result.path("capabilities").path("tools").path("listChanged").asBoolean(true))
          .isFalse();
      assertThat(result.path("capabilities").has("prompts")).isFalse();
      assertThat(result.path("capabilities").has("resources")).isTrue();
    }
  }

  @Test
  void initializeAnswersWithTheLatestVersionWhenTheClientsIsUnknown() throws Exception {
    HttpResponse<String> r =
        server.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\"}}",
            null);
    assertThat(json(r).path("result").path("protocolVersion").asText()).isEqualTo("2025-11-25");
  }

  @Test
  void requestWithoutSessionIdIsRejectedWith400() throws Exception {
    HttpResponse<String> r = call(null, "tools/list", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("message").asText()).contains("Mcp-Session-Id");
    assertThat(json(r).path("id").asInt()).isEqualTo(7);
  }

  @Test
  void requestWithUnknownSessionIdGets404WithAJsonRpcError() throws Exception {
    HttpResponse<String> r = call("no-such-session", "tools/list", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("error").path("code").asInt()).isEqualTo(-32001);
  }

  @Test
  void malformedJsonIsAParseError() throws Exception {
    HttpResponse<String> r = server.post("{\"jsonrpc\":\"2.0\",\"id\":1,", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(json(r).get("id").isNull()).isTrue();
  }

  @Test
  void batchesAreInvalidRequests() throws Exception {
    HttpResponse<String> r =
        server.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void notificationsAndResponsesAreAccepted() throws Exception {
    String session = server.initialize("2025-11-25");
    HttpResponse<String> note =
        server.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
    assertThat(note.statusCode()).isEqualTo(202);
    assertThat(note.body()).isEmpty();
    HttpResponse<String> response =
        server.post("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}", session);
    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void pingAnswersAnEmptyResult() throws Exception {
    HttpResponse<String> r = call(server.initialize("2025-11-25"), "ping", "{}");
    assertThat(r.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
  }

  @Test
  void unknownMethodIsMethodNotFound() throws Exception {
    String session = server.initialize("2025-11-25");
    assertThat(json(call(session, "tasks/list", "{}")).path("error").path("code").asInt())
        .isEqualTo(-32601);
    // No prompts declared, so the prompts methods do not exist either.
    assertThat(json(call(session, "prompts/list", "{}")).path("error").path("code").asInt())
        .isEqualTo(-32601);
  }

  @Test
  void unknownToolIsInvalidParams() throws Exception {
    JsonNode error =
        json(call(server.initialize("2025-11-25"), "tools/call", "{\"name\":\"nope\"}"))
            .path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).isEqualTo("Unknown tool: nope");
  }

  @Test
  void toolResultIsTextContent() throws Exception {
    JsonNode result =
        json(call(
                server.initialize("2025-11-25"),
                "tools/call",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}"))
            .path("result");
    assertThat(result.path("content").get(0).path("type").asText()).isEqualTo("text");
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("hi");
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.has("structuredContent")).isFalse();
  }

  @Test
  void failingHandlerGivesAnErrorResult() throws Exception {
    String session = server.initialize("2025-11-25");
    JsonNode failed =
        json(call(session, "tools/call", "{\"name\":\"broken\",\"arguments\":{}}")).path("result");
    assertThat(failed.path("isError").asBoolean()).isTrue();
    assertThat(failed.path("content").get(0).path("text").asText()).contains("disk on fire");
    JsonNode missingArg =
        json(call(session, "tools/call", "{\"name\":\"echo\",\"arguments\":{}}")).path("result");
    assertThat(missingArg.path("isError").asBoolean()).isTrue();
    assertThat(missingArg.path("content").get(0).path("text").asText()).contains("'text'");
  }

  @Test
  void templatedResourceIsReadAndUnknownOneIsNotFound() throws Exception {
    String session = server.initialize("2025-11-25");
    JsonNode read = json(call(session, "resources/read", "{\"uri\":\"item://42\"}"));
    assertThat(read.path("result").path("contents").get(0).path("text").asText()).isEqualTo("42");
    JsonNode missing = json(call(session, "resources/read", "{\"uri\":\"other://42\"}"));
    assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32002);
  }

  @Test
  void unsupportedProtocolVersionHeaderIsRejected() throws Exception {
    String session = server.initialize("2025-11-25");
    HttpRequest request =
        server
            .request()
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", "1999-01-01")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
            .build();
    assertThat(server.send(request).statusCode()).isEqualTo(400);
  }

  @Test
  void getIsMethodNotAllowed() throws Exception {
    HttpResponse<String> r = server.send(server.request().GET().build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST, DELETE");
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    String session = server.initialize("2025-11-25");
    HttpRequest delete = server.request().header("Mcp-Session-Id", session).DELETE().build();
    assertThat(server.send(delete).statusCode()).isEqualTo(200);
    assertThat(call(session, "ping", "{}").statusCode()).isEqualTo(404);
    assertThat(server.send(delete).statusCode()).isEqualTo(404);
  }

  @Test
  void foreignOriginIsForbidden() throws Exception {
    HttpRequest evil =
        server
            .request()
            .header("Origin", "https://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(server.send(evil).statusCode()).isEqualTo(403);
    HttpRequest local =
        server
            .request()
            .header("Origin", "http://localhost:5173")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}"))
            .build();
    assertThat(server.send(local).statusCode()).isEqualTo(200);
  }
}
