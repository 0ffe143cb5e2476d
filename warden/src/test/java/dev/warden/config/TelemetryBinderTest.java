package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.TelemetryConfig.Protocol;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelemetryBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void isOffWithoutTheSection() throws ConfigException {
    TelemetryConfig t = loader.parse("servers: []\n").telemetry();
    assertThat(t).isEqualTo(TelemetryConfig.DISABLED);
    assertThat(t.active()).isFalse();
  }

  @Test
  void anEmptySectionExportsBothSignalsToTheLocalCollectorOverGrpc() throws ConfigException {
    TelemetryConfig t = loader.parse("servers: []\ntelemetry: {}\n").telemetry();
    assertThat(t.active()).isTrue();
    assertThat(t.protocol()).isEqualTo(Protocol.GRPC);
    assertThat(t.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4317"));
    assertThat(t.traces()).isTrue();
    assertThat(t.logs()).isTrue();
    assertThat(t.sampleRatio()).isEqualTo(1.0);
    assertThat(t.serviceName()).isEqualTo("warden");
  }

  @Test
  void readsEverySetting() throws ConfigException {
    loader.env.put("OTLP_TOKEN", "s3cret");
    TelemetryConfig t =
        loader
            .parse(
                """
                servers: []
                telemetry:
                  otlp:
                    endpoint: https://collector.example.com:4318
                    protocol: http/protobuf
                    headers: { Authorization: "Bearer ${env:OTLP_TOKEN}", X-Team: gateway }
                    timeout: 3s
                  service-name: warden-eu
                  traces: true
                  logs: false
                  sample-ratio: 0.25
                  export-interval: 500ms
                  queue-size: 4096
                """)
            .telemetry();
    assertThat(t.protocol()).isEqualTo(Protocol.HTTP_PROTOBUF);
    assertThat(t.endpoint()).isEqualTo(URI.create("https://collector.example.com:4318"));
    assertThat(t.headers().get("Authorization").reveal()).isEqualTo("Bearer s3cret");
    assertThat(t.headers().get("Authorization").toString()).doesNotContain("s3cret");
    assertThat(t.headers().get("X-Team").reveal()).isEqualTo("gateway");
    assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.serviceName()).isEqualTo("warden-eu");
    assertThat(t.logs()).isFalse();
    assertThat(t.sampleRatio()).isEqualTo(0.25);
    assertThat(t.exportInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(t.queueSize()).isEqualTo(4096);
  }

  @Test
  void theHttpProtocolDefaultsToItsOwnPort() throws ConfigException {
    TelemetryConfig t =
        loader.parse("servers: []\ntelemetry: { otlp: { protocol: http/protobuf } }\n").telemetry();
    assertThat(t.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4318"));
  }

  @Test
  void canBeSwitchedOffWithoutDeletingIt() throws ConfigException {
    assertThat(loader.parse("servers: []\ntelemetry: { enabled: false }\n").telemetry().active())
        .isFalse();
    assertThat(
            loader
                .parse("servers: []\ntelemetry: { traces: false, logs: false }\n")
                .telemetry()
                .active())
        .isFalse();
  }

  @Test
  void reportsEachBadValueWithItsLine() {
    assertThat(
            loader.problems(
                """
                servers: []
                telemetry:
                  otlp:
                    endpoint: collector:4317
                    protocol: thrift
                    timeout: 0s
                    headers: { "bad header": x }
                    colour: red
                  sample-ratio: 1.5
                  traces: yes
                  queue-size: 0
                  service-name: "my service"
                  export-interval: soon
                  extra: 1
                """))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:4:").contains("http://"))
        .anySatisfy(
            p -> assertThat(p).startsWith("conf/warden.yaml:5:").contains("grpc or http/protobuf"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:6:").contains("greater than"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:7:").contains("header name"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:8:").contains("unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:9:").contains("0 to 1"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:10:").contains("true or false"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:11:").contains("1 to"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:12:").contains("no spaces"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:13:").contains("500ms"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:14:").contains("unknown key"));
  }

  @Test
  void credentialsNeverSitInTheEndpointAndUnsetSecretsAreNamedNotShown() {
    assertThat(
            loader.problems(
                """
                servers: []
                telemetry:
                  otlp:
                    endpoint: http://user:pa55word@collector:4317
                    headers: { Authorization: "Bearer ${env:MISSING_TOKEN}" }
                """))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:4:").contains("credentials"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("conf/warden.yaml:5:")
                    .contains("MISSING_TOKEN is not set"))
        .noneMatch(p -> p.contains("pa55word"));
  }

  @Test
  void referencesOutsideTheHeadersAreRefused() {
    loader.env.put("HOST", "collector");
    assertThat(
            loader.problems(
                "servers: []\ntelemetry:\n  otlp: { endpoint: \"http://${env:HOST}:4317\" }\n"))
        .anySatisfy(
            p -> assertThat(p).contains("telemetry.otlp.endpoint").contains("only resolved in"));
  }
}
