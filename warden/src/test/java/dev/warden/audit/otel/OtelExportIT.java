package dev.warden.audit.otel;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.audit.AuditTrail;
import dev.warden.config.AuditConfig;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.TelemetryConfig;
import dev.warden.config.TelemetryConfig.Protocol;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.OtlpReceiver;
import dev.warden.testing.OtlpReceiver.ReceivedLog;
import dev.warden.testing.OtlpReceiver.ReceivedSpan;
import dev.warden.testing.SdkUpstream;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tools/call through the gateway, exported to a real OTLP receiver over gRPC and over
 * HTTP/protobuf: the span tree, its attributes, the trace context the upstream received, and the
 * audit records as log records in the same trace.
 */
class OtelExportIT {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String AGENT_SPAN = "00f067aa0ba902b7";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private SdkUpstream tickets;
  private OtlpReceiver receiver;
  private final List<Map<String, Object>> upstreamMeta = new CopyOnWriteArrayList<>();
  private Running running;

  /** The gateway with its audit trail and its export, closed in ServeCommand's order. */
  private record Running(Gateway gateway, AuditTrail audit, OtelExport otel)
      implements AutoCloseable {
    @Override
    public void close() {
      gateway.close();
      audit.close();
      otel.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    tickets = SdkUpstream.start("tickets", Map.of("delete_ticket", args -> "deleted"));
    tickets
        .mcp()
        .addTool(
            new SyncToolSpecification(
                McpSchema.Tool.builder()
                    .name("get_ticket")
                    .inputSchema(Map.of("type", "object"))
                    .build(),
                (exchange, request) -> {
                  upstreamMeta.add(request.meta() == null ? Map.of() : request.meta());
                  return McpSchema.CallToolResult.builder()
                      .addTextContent("ticket " + request.arguments().get("id"))
                      .isError(false)
                      .build();
                }));
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
    tickets.close();
    receiver.close();
  }

  @Test
  void exportsTheSpanTreeAndAuditLogsOverGrpc() throws Exception {
    running = start(telemetry(Protocol.GRPC, receiver.url(), Map.of()));
    McpSyncClient client = client("triage", "key-bot");
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "T-7")));
    assertThat(result.isError()).isFalse();

    assertThat(receiver.await(r -> serverSpan(r).isPresent() && clientSpan(r).isPresent(), WAIT))
        .as("server and client span exported")
        .isTrue();
    Span server = serverSpan(receiver).orElseThrow().span();
    Span call = clientSpan(receiver).orElseThrow().span();
    assertThat(hex(server.getTraceId())).isEqualTo(TRACE_ID);
    assertThat(hex(server.getParentSpanId())).isEqualTo(AGENT_SPAN);
    assertThat(server.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(OtlpReceiver.attributes(server.getAttributesList()))
        .containsEntry("mcp.method.name", "tools/call")
        .containsEntry("gen_ai.tool.name", "tickets__get_ticket")
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("warden.agent", "bot")
        .containsEntry("warden.persona", "triage")
        .containsEntry("warden.server", "tickets")
        .containsEntry("warden.decision", "ok")
        .containsEntry("http.response.status_code", "200")
        .containsKey("warden.request.id")
        .containsKey("jsonrpc.request.id")
        .doesNotContainKey("warden.rule");

    assertThat(hex(call.getTraceId())).isEqualTo(TRACE_ID);
    assertThat(hex(call.getParentSpanId())).isEqualTo(hex(server.getSpanId()));
    assertThat(call.getName()).isEqualTo("tools/call get_ticket");
    assertThat(OtlpReceiver.attributes(call.getAttributesList()))
        .containsEntry("warden.server", "tickets")
        .containsEntry("gen_ai.tool.name", "get_ticket")
        .containsEntry("server.address", "127.0.0.1");
    assertThat(call.getEndTimeUnixNano()).isGreaterThanOrEqualTo(call.getStartTimeUnixNano());

    String expected = "00-" + TRACE_ID + "-" + hex(call.getSpanId()) + "-01";
    assertThat(tickets.requests())
        .filteredOn(r -> r.method().equals("POST"))
        .extracting(r -> r.headers().get("traceparent"))
        .contains(expected);
    assertThat(upstreamMeta)
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("traceparent", expected));
    assertThat(receiver.spans())
        .extracting(s -> s.resource())
        .allSatisfy(
            r ->
                assertThat(OtlpReceiver.attributes(r.getAttributesList()))
                    .containsEntry("service.name", "warden-test"));

    assertThat(receiver.await(OtelExportIT::hasCompletedRecord, WAIT))
        .as("audit log records")
        .isTrue();
    List<ReceivedLog> logs = auditLogs(receiver);
    // One record of the call, or a decision and a completion when they were stored apart.
    assertThat(logs.stream().map(OtelExportIT::kind).sorted().toList())
        .isIn(List.of("call"), List.of("completion", "decision"));
    for (ReceivedLog l : logs) {
      assertThat(hex(l.log().getTraceId())).isEqualTo(TRACE_ID);
      assertThat(hex(l.log().getSpanId())).isEqualTo(hex(server.getSpanId()));
      assertThat(l.log().getEventName()).isEqualTo("warden.audit");
      assertThat(OtlpReceiver.attributes(l.log().getAttributesList()))
          .containsEntry("warden.agent", "bot")
          .containsEntry("warden.persona", "triage")
          .containsEntry("warden.server", "tickets")
          .containsEntry("warden.target", "tickets__get_ticket")
          .containsEntry("warden.decision", "ok")
          .containsKey("warden.audit.seq")
          .containsKey("warden.audit.hash")
          .containsEntry(
              "warden.request.id",
              OtlpReceiver.attributes(server.getAttributesList()).get("warden.request.id"));
    }
    assertThat(receiver.exports()).allSatisfy(e -> assertThat(e.protocol()).isEqualTo("HTTP/2.0"));
  }

  @Test
  void aDenialIsASpanWithItsRuleAndAWarningLog() throws Exception {
    running = start(telemetry(Protocol.GRPC, receiver.url(), Map.of()));
    McpSyncClient client = client("triage", "key-bot");
    assertThatThrownBy(
        () ->
            client.callTool(
                new McpSchema.CallToolRequest("tickets__delete_ticket", Map.of("id", "T-7"))));

    assertThat(receiver.await(r -> spanNamed(r, "tools/call").isPresent(), WAIT)).isTrue();
    Span server = spanNamed(receiver, "tools/call").orElseThrow().span();
    assertThat(OtlpReceiver.attributes(server.getAttributesList()))
        .containsEntry("warden.decision", "denied")
        .containsEntry("warden.rule", "persona:tools")
        .doesNotContainKey("warden.server");
    assertThat(receiver.spans())
        .noneMatch(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(receiver.await(r -> !auditLogs(r).isEmpty(), WAIT)).isTrue();
    assertThat(auditLogs(receiver).getFirst().log().getSeverityText()).isEqualTo("WARN");
  }

  @Test
  void exportsOverHttpProtobufWithTheConfiguredHeaders() throws Exception {
    Map<String, Secret> headers =
        Map.of("Authorization", Secret.of("Bearer collector-token", "env:OTLP_TOKEN"));
    running = start(telemetry(Protocol.HTTP_PROTOBUF, receiver.url(), headers));
    client("triage", "key-bot")
        .callTool(new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "T-8")));

    assertThat(receiver.await(r -> clientSpan(r).isPresent() && hasCompletedRecord(r), WAIT))
        .isTrue();
    assertThat(hex(serverSpan(receiver).orElseThrow().span().getTraceId())).isEqualTo(TRACE_ID);
    assertThat(receiver.exports())
        .extracting(OtlpReceiver.Export::path)
        .contains("/v1/traces", "/v1/logs");
    assertThat(receiver.exports())
        .allSatisfy(
            e -> assertThat(e.headers()).containsEntry("authorization", "Bearer collector-token"));
  }

  @Test
  void aDeadCollectorNeitherSlowsNorFailsCalls() throws Exception {
    URI dead = URI.create("http://127.0.0.1:" + freePort());
    running = start(telemetry(Protocol.GRPC, dead, Map.of()));
    McpSyncClient client = client("triage", "key-bot");
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertThat(
              client
                  .callTool(
                      new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "T" + i)))
                  .isError())
          .isFalse();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    long closing = System.nanoTime();
    running.close();
    running = null;
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void withoutTelemetryTheUpstreamGetsNoTraceContext() throws Exception {
    try (GatewayHarness harness = GatewayHarness.start(config())) {
      harness
          .client("triage", "key-bot")
          .callTool(new McpSchema.CallToolRequest("tickets__get_ticket", Map.of("id", "T-9")));
    }
    assertThat(tickets.requests())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("traceparent"));
    assertThat(upstreamMeta)
        .singleElement()
        .satisfies(m -> assertThat(m).doesNotContainKey("traceparent"));
  }

  private WardenConfig config() {
    return GatewayHarness.config(
        List.of(ServerConfig.streamableHttp("tickets", tickets.url())),
        List.of(persona("triage", "tickets__get_ticket")),
        List.of(agent("bot", "key-bot", "triage")));
  }

  private static TelemetryConfig telemetry(
      Protocol protocol, URI endpoint, Map<String, Secret> headers) {
    return new TelemetryConfig(
        true,
        endpoint,
        protocol,
        headers,
        Duration.ofSeconds(2),
        "warden-test",
        true,
        true,
        1.0,
        Duration.ofMillis(100),
        TelemetryConfig.DEFAULT_QUEUE_SIZE);
  }

  private Running start(TelemetryConfig telemetry) throws Exception {
    WardenConfig base = config();
    WardenConfig cfg =
        new WardenConfig(
                null,
                base.listen(),
                base.admin(),
                "sqlite:" + dir.resolve("audit.db"),
                AuditConfig.DEFAULTS,
                base.limits(),
                base.allowedOrigins(),
                base.servers(),
                base.personas(),
                base.agents(),
                base.dataProtection())
            .withTelemetry(telemetry);
    OtelExport otel = OtelExport.start(cfg.telemetry(), "test").orElseThrow();
    AuditTrail audit = AuditTrail.open(cfg);
    Gateway gateway =
        Gateway.start(
            cfg,
            otel.around((exchange, next) -> next.proceed(exchange)),
            audit.stage(otel.auditLogs()),
            "test",
            otel.upstreams());
    return new Running(gateway, audit, otel);
  }

  /** An SDK client that sends the agent's own W3C trace context on every request. */
  private McpSyncClient client(String persona, String key) {
    URI endpoint = running.gateway().endpoint(persona);
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://" + endpoint.getAuthority())
            .endpoint(endpoint.getPath())
            .httpRequestCustomizer(
                (builder, method, uri, body, context) ->
                    builder
                        .header("Authorization", "Bearer " + key)
                        .header("traceparent", "00-" + TRACE_ID + "-" + AGENT_SPAN + "-01"))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static java.util.Optional<ReceivedSpan> serverSpan(OtlpReceiver r) {
    return spanNamed(r, "tools/call tickets__get_ticket");
  }

  private static java.util.Optional<ReceivedSpan> spanNamed(OtlpReceiver r, String name) {
    return r.spans().stream()
        .filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER)
        .filter(s -> s.span().getName().equals(name))
        .findFirst();
  }

  private static java.util.Optional<ReceivedSpan> clientSpan(OtlpReceiver r) {
    return r.spans().stream()
        .filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
        .filter(s -> s.span().getName().equals("tools/call get_ticket"))
        .findFirst();
  }

  /** The audit log records of tools/call requests. */
  private static List<ReceivedLog> auditLogs(OtlpReceiver r) {
    return r.logs().stream()
        .filter(
            l ->
                "tools/call"
                    .equals(
                        OtlpReceiver.attributes(l.log().getAttributesList())
                            .get("mcp.method.name")))
        .toList();
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String kind(ReceivedLog l) {
    return OtlpReceiver.attributes(l.log().getAttributesList()).get("warden.audit.kind");
  }

  /** The call's final record has arrived: its completion, or the one record of the call. */
  private static boolean hasCompletedRecord(OtlpReceiver r) {
    return auditLogs(r).stream().map(OtelExportIT::kind).anyMatch(k -> !k.equals("decision"));
  }
}
