package dev.warden.admin;

import static dev.warden.admin.AdminClient.errorCode;
import static dev.warden.admin.AdminClient.json;
import static dev.warden.admin.CanaryConfig.ADMIN_AUTH;
import static dev.warden.admin.CanaryConfig.CANARY;
import static dev.warden.admin.CanaryConfig.CANARY_SHA256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.audit.AuditEntry;
import dev.warden.audit.AuditWriter;
import dev.warden.audit.GatewayMetrics;
import dev.warden.audit.JdbcAuditSink;
import dev.warden.config.Secret;
import dev.warden.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP: tokens, the OpenAPI document, the registry views, no secrets. */
class AdminApiTest {
  /** Every path the admin listener serves; the OpenAPI document must describe exactly these. */
  private static final List<String> SERVED_PATHS =
      List.of(
          "/healthz",
          "/metrics",
          "/admin/api/v1/openapi.json",
          "/admin/api/v1/servers",
          "/admin/api/v1/servers/{id}",
          "/admin/api/v1/personas",
          "/admin/api/v1/personas/{id}",
          "/admin/api/v1/agents",
          "/admin/api/v1/agents/{id}",
          "/admin/api/v1/audit",
          "/admin/api/v1/scan");

  /** Served paths that answer POST only (tested in {@link ScanApiTest}). */
  private static final List<String> POST_PATHS = List.of("/admin/api/v1/scan");

  private static GatewayMetrics metrics;
  private static java.nio.file.Path auditDir;
  private static JdbcAuditSink auditSink;
  private static AdminServer server;
  private static AdminClient client;

  @BeforeAll
  static void start() throws Exception {
    metrics = new GatewayMetrics();
    auditDir = java.nio.file.Files.createTempDirectory("admin-audit");
    var db = Database.of("sqlite:warden.db", auditDir, Database.Sync.NORMAL);
    db.migrate();
    auditSink = new JdbcAuditSink(db);
    try (var writer = new AuditWriter(new JdbcAuditSink(db), Optional.empty(), 1000)) {
      for (int i = 0; i < 5; i++) {
        writer.submit(auditEntry("bot-" + (i % 2), i == 3 ? "denied" : "ok")).join();
      }
    }
    server =
        AdminServer.start(
            CanaryConfig.withCanaryToken(), metrics, Optional.of(auditSink), () -> "ok");
    client = new AdminClient(server.uri());
  }

  private static AuditEntry auditEntry(String agent, String decision) {
    return new AuditEntry(
        AuditEntry.DECISION,
        1_760_000_000_000L,
        "req-" + agent,
        agent,
        agent.equals("bot-1") ? "alice@example.com" : "",
        "triage",
        "tickets",
        "tools/call",
        "tickets__get_ticket",
        decision,
        decision.equals("ok") ? "" : "persona:scope",
        java.util.Map.of(),
        "",
        0,
        10,
        20,
        0,
        "127.0.0.1");
  }

  @Test
  void queriesTheAuditTrailWithFiltersAndCursor() throws Exception {
    JsonNode page = json(client.get("/admin/api/v1/audit?agent=bot-1&limit=1", ADMIN_AUTH));
    assertThat(page.at("/items/0/agent").asText()).isEqualTo("bot-1");
    assertThat(page.at("/items/0/seq").asLong()).isEqualTo(4);
    String cursor = page.path("next_cursor").asText();
    JsonNode next =
        json(client.get("/admin/api/v1/audit?agent=bot-1&limit=1&cursor=" + cursor, ADMIN_AUTH));
    assertThat(next.at("/items/0/seq").asLong()).isEqualTo(2);
    JsonNode denied = json(client.get("/admin/api/v1/audit?decision=denied", ADMIN_AUTH));
    assertThat(denied.path("items")).hasSize(1);
    assertThat(denied.at("/items/0/rule").asText()).isEqualTo("persona:scope");
    assertThat(denied.path("next_cursor").isNull()).isTrue();
    JsonNode alice = json(client.get("/admin/api/v1/audit?user=alice%40example.com", ADMIN_AUTH));
    assertThat(alice.path("items")).isNotEmpty();
    assertThat(alice.path("items"))
        .allSatisfy(r -> assertThat(r.path("user").asText()).isEqualTo("alice@example.com"))
        .allSatisfy(r -> assertThat(r.path("agent").asText()).isEqualTo("bot-1"));
    JsonNode bob = json(client.get("/admin/api/v1/audit?user=bob", ADMIN_AUTH));
    assertThat(bob.path("items")).isEmpty();
    assertThat(client.get("/admin/api/v1/audit?limit=0", ADMIN_AUTH).statusCode()).isEqualTo(400);
    assertThat(client.get("/admin/api/v1/audit?colour=red", ADMIN_AUTH).statusCode())
        .isEqualTo(400);
  }

  @AfterAll
  static void stop() throws Exception {
    auditSink.close();
    server.close();
    metrics.close();
  }

  @Test
  void rejectsARequestWithoutToken() throws Exception {
    var response = client.get("/admin/api/v1/servers", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"warden-admin\"");
    assertThat(errorCode(response)).isEqualTo("unauthorized");
  }

  @Test
  void rejectsAWrongToken() throws Exception {
    for (String auth :
        new String[] {"Bearer " + CANARY + "x", "Bearer ", "Basic " + CANARY, CANARY}) {
      assertThat(client.get("/admin/api/v1/servers", auth).statusCode()).as(auth).isEqualTo(401);
    }
  }

  @Test
  void hidesWhichPathsExistFromCallersWithoutToken() throws Exception {
    assertThat(client.get("/admin/api/v1/no-such-thing", null).statusCode()).isEqualTo(401);
  }

  @Test
  void isClosedWhenNoTokenIsConfigured() throws Exception {
    // A blank token (say, an unset environment variable) must not open the API either.
    var config = CanaryConfig.withAdminTokens(List.of(Secret.of("", "env:UNSET")));
    try (var closed = AdminServer.start(config, metrics, () -> "ok")) {
      var api = new AdminClient(closed.uri());

      var response = api.get("/admin/api/v1/servers", "Bearer ");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(json(response).path("error").path("message").asText()).contains("admin.tokens");
      assertThat(api.get("/admin/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void openApiIsPublicAndDescribesEveryServedPath() throws Exception {
    var response = client.get("/admin/api/v1/openapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = json(response);
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    List<String> documented = new ArrayList<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(SERVED_PATHS);
    assertThat(doc.at("/components/securitySchemes/adminToken/scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void openApiReferencesAllResolve() throws Exception {
    JsonNode doc = json(client.get("/admin/api/v1/openapi.json", null));
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void everyServedPathAnswersWithToken() throws Exception {
    for (String template : SERVED_PATHS) {
      String path = withExistingId(template);
      int expected = POST_PATHS.contains(template) ? 405 : 200;

      assertThat(client.get(path, ADMIN_AUTH).statusCode()).as(path).isEqualTo(expected);
    }
  }

  @Test
  void listsServersWithHeaderNamesAndCleanUrls() throws Exception {
    JsonNode items = json(client.get("/admin/api/v1/servers", ADMIN_AUTH)).path("items");

    assertThat(items).hasSize(2);
    assertThat(items.get(0))
        .isEqualTo(
            json(
                """
                {"id": "tickets", "transport": "streamable-http",
                 "url": "http://127.0.0.1:3001/mcp", "timeout_ms": 15000,
                 "header_names": ["Authorization", "X-Team"]}
                """));
    assertThat(items.get(1).path("transport").asText()).isEqualTo("stdio");
    assertThat(items.get(1).path("url").isNull()).isTrue();
  }

  @Test
  void showsOneServerById() throws Exception {
    JsonNode list = json(client.get("/admin/api/v1/servers", ADMIN_AUTH));

    assertThat(json(client.get("/admin/api/v1/servers/tickets", ADMIN_AUTH)))
        .isEqualTo(list.path("items").get(0));
  }

  @Test
  void listsPersonasWhole() throws Exception {
    var response = client.get("/admin/api/v1/personas", ADMIN_AUTH);

    JsonNode first = json(response).path("items").get(0);
    assertThat(first)
        .isEqualTo(
            json(
                """
                {"id": "support-triage", "description": "Reads tickets and drafts replies.",
                 "tools": ["tickets__get_ticket", "tickets__search_*"], "prompts": [],
                 "resources": ["tickets://*"], "names": "prefixed"}
                """));
    assertThat(json(client.get("/admin/api/v1/personas/support-triage", ADMIN_AUTH)))
        .isEqualTo(first);
  }

  @Test
  void listsAgentsWithKeyCountOnly() throws Exception {
    var response = client.get("/admin/api/v1/agents", ADMIN_AUTH);

    assertThat(json(response))
        .isEqualTo(
            json(
                """
                {"items": [{"id": "triage-bot", "personas": ["support-triage"], "key_count": 2}]}
                """));
    assertThat(json(client.get("/admin/api/v1/agents/triage-bot", ADMIN_AUTH)))
        .isEqualTo(json(response).path("items").get(0));
  }

  @Test
  void answersNotFoundForUnknownIdsAndPaths() throws Exception {
    var unknownServer = client.get("/admin/api/v1/servers/nope", ADMIN_AUTH);
    var unknownPath = client.get("/admin/api/v1/tools", ADMIN_AUTH);

    assertThat(unknownServer.statusCode()).isEqualTo(404);
    assertThat(json(unknownServer))
        .isEqualTo(
            json("{\"error\": {\"code\": \"not_found\", \"message\": \"no server 'nope'\"}}"));
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(errorCode(unknownPath)).isEqualTo("not_found");
  }

  @Test
  void neverShowsASecretInAnyAnswer() throws Exception {
    metrics.recordCall("support-triage", "tickets", "tools/call", "tickets__get", "ok", 1_000);
    List<String> paths =
        new ArrayList<>(SERVED_PATHS.stream().map(AdminApiTest::withExistingId).toList());
    paths.addAll(List.of("/admin/api/v1/servers/files", "/admin/api/v1/servers/nope", "/x"));

    for (String path : paths) {
      for (String auth : new String[] {null, ADMIN_AUTH, "Bearer wrong"}) {
        var response = client.get(path, auth);

        assertThat(response.body() + response.headers().map())
            .as("%s with %s", path, auth == null ? "no token" : "a token")
            .doesNotContain(CANARY)
            .doesNotContain(CANARY_SHA256)
            .doesNotContain("5b1f0e7d");
      }
    }
  }

  private static String withExistingId(String template) {
    if (!template.endsWith("/{id}")) {
      return template;
    }
    String collection = template.split("/")[4];
    return template.replace("{id}", CanaryConfig.EXISTING_IDS.get(collection));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
