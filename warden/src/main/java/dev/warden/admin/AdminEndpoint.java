package dev.warden.admin;

import dev.warden.audit.AuditSink;
import dev.warden.audit.GatewayMetrics;
import dev.warden.config.WardenConfig;
import dev.warden.edge.RequestBodies;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin listener's one handler: {@code /healthz} and {@code /metrics} for probes and scrapers,
 * and the admin API under {@code /admin/api/v1}. It lives on its own port, loopback by default, so
 * the probes need no token; the API does.
 */
public final class AdminEndpoint extends Handler.Abstract {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;
  private final Supplier<String> status;
  private final AdminApi api;

  /**
   * @param status the gateway's lifecycle: "ok" when serving, otherwise e.g. "starting" or
   *     "stopping", which /healthz answers with 503 so a load balancer stops sending traffic
   */
  public AdminEndpoint(WardenConfig config, GatewayMetrics metrics, Supplier<String> status) {
    this(config, metrics, Optional.empty(), status);
  }

  /** With {@code audit}, {@code /admin/api/v1/audit} queries the trail. */
  public AdminEndpoint(
      WardenConfig config,
      GatewayMetrics metrics,
      Optional<AuditSink> audit,
      Supplier<String> status) {
    this.metrics = Objects.requireNonNull(metrics);
    this.status = Objects.requireNonNull(status);
    this.api = new AdminApi(config, audit);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    Reply reply =
        path.startsWith(AdminApi.PREFIX + "/")
            ? api.answer(
                method,
                path.substring(AdminApi.PREFIX.length()),
                request.getHttpURI().getQuery(),
                authorization,
                max -> RequestBodies.read(request, max))
            : answer(method, path, authorization);
    response.setStatus(reply.status());
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    // Registry views and health change with the gateway; nothing here may be served from a cache.
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      headers.put(h.getKey(), h.getValue());
    }
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  /** Routes one request; public paths first, then the guarded API. */
  Reply answer(String method, String path, String authorization) {
    return answer(method, path, null, authorization);
  }

  /** Routes one request; {@code query} is the raw query string or null. */
  Reply answer(String method, String path, String query, String authorization) {
    return switch (path) {
      case "/healthz" -> AdminApi.onlyGet(method, health());
      case "/metrics" ->
          AdminApi.onlyGet(method, Reply.text(200, PROMETHEUS_TEXT, metrics.scrape()));
      case String p when p.startsWith(AdminApi.PREFIX + "/") ->
          api.answer(method, p.substring(AdminApi.PREFIX.length()), query, authorization);
      default -> Reply.error(404, "not_found", "nothing at " + path);
    };
  }

  private Reply health() {
    String now = status.get();
    return Reply.json(now.equals("ok") ? 200 : 503, Map.of("status", now));
  }
}
