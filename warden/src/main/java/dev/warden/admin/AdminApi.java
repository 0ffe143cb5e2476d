package dev.warden.admin;

import dev.warden.audit.AuditSink;
import dev.warden.config.AgentConfig;
import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything under {@code /admin/api/v1}: the public OpenAPI document, the token-guarded, read-only
 * views of the registry and the token-guarded scan of a text for sensitive values. The
 * configuration is immutable, so every answer is rendered once, up front.
 */
final class AdminApi {
  static final String PREFIX = "/admin/api/v1";
  static final String OPENAPI = "/openapi.json";

  /** The collections, with the singular noun used in not-found messages. */
  private static final Map<String, String> NOUNS =
      Map.of("servers", "server", "personas", "persona", "agents", "agent");

  private final AdminTokens tokens;
  private final byte[] openApi;
  private final Map<String, Reply> documents = new LinkedHashMap<>();
  private final Optional<AuditApi> audit;
  private final ScanApi scan;

  AdminApi(WardenConfig config) {
    this(config, Optional.empty());
  }

  AdminApi(WardenConfig config, Optional<AuditSink> audit) {
    this.audit = audit.map(AuditApi::new);
    this.tokens = new AdminTokens(config.admin().tokens());
    this.openApi = readOpenApi();
    this.scan = new ScanApi(config);
    addCollection("servers", config.servers(), ServerConfig::id, ServerView::of);
    addCollection("personas", config.personas(), PersonaConfig::id, PersonaView::of);
    addCollection("agents", config.agents(), AgentConfig::id, AgentView::of);
  }

  /**
   * Answers a request whose path starts with {@link #PREFIX}.
   *
   * @param path the rest of the path after the prefix, e.g. {@code /servers/tickets}
   * @param authorization the Authorization header, or null
   */
  Reply answer(String method, String path, String authorization) {
    return answer(method, path, null, authorization, max -> new byte[0]);
  }

  /** As above, with the raw query string (or null). */
  Reply answer(String method, String path, String query, String authorization) {
    return answer(method, path, query, authorization, max -> new byte[0]);
  }

  /** As above, with the request body for the one endpoint that reads it ({@code POST /scan}). */
  Reply answer(String method, String path, String query, String authorization, ScanApi.Body body) {
    if (path.equals(OPENAPI)) {
      return onlyGet(method, new Reply(200, Reply.JSON, openApi, Map.of()));
    }
    // Authentication comes before routing, so a caller without a token learns nothing of the paths.
    if (!tokens.configured()) {
      return unauthorized(
          "the admin API is closed: no admin tokens are configured; set admin.tokens");
    }
    if (!tokens.accepts(authorization)) {
      return unauthorized("a valid admin token is required: Authorization: Bearer <token>");
    }
    if (path.equals(AuditApi.PATH)) {
      return onlyGet(
          method,
          audit
              .map(a -> a.answer(query))
              .orElseGet(
                  () -> Reply.error(404, "not_found", "the audit trail is off (audit.enabled)")));
    }
    if (path.equals(ScanApi.PATH)) {
      return scan.answer(method, body);
    }
    Reply found = documents.get(path);
    if (found == null) {
      return notFound(path);
    }
    return onlyGet(method, found);
  }

  private <C> void addCollection(
      String name, List<C> configs, Function<C, String> id, Function<C, Object> view) {
    var items = configs.stream().map(view).toList();
    documents.put("/" + name, Reply.json(200, Map.of("items", items)));
    for (C c : configs) {
      documents.put("/" + name + "/" + id.apply(c), Reply.json(200, view.apply(c)));
    }
  }

  static Reply onlyGet(String method, Reply reply) {
    if (method.equals("GET")) {
      return reply;
    }
    return Reply.error(405, "method_not_allowed", method + " is not allowed here; use GET")
        .withHeader("Allow", "GET");
  }

  private static Reply unauthorized(String message) {
    return Reply.error(401, "unauthorized", message)
        .withHeader("WWW-Authenticate", "Bearer realm=\"warden-admin\"");
  }

  private static Reply notFound(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length == 3 && NOUNS.containsKey(parts[1])) {
      return Reply.error(404, "not_found", "no " + NOUNS.get(parts[1]) + " '" + parts[2] + "'");
    }
    return Reply.error(404, "not_found", "nothing at " + PREFIX + path);
  }

  private static byte[] readOpenApi() {
    try (InputStream in = AdminApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
