package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Format;
import dev.warden.config.AlertsConfig.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertsBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void noAlertsByDefault() throws ConfigException {
    assertThat(loader.parse("servers: []\n").alerts()).isEqualTo(AlertsConfig.NONE);
  }

  @Test
  void readsEverySetting() throws ConfigException {
    loader.env.put("HOOK_SECRET", "0123456789abcdef0123");
    loader.env.put("HOOK_TOKEN", "t0k3n");
    AlertsConfig alerts =
        loader
            .parse(
                """
                servers: []
                alerts:
                  drain-timeout: 2s
                  webhooks:
                    - id: soc
                      url: https://hooks.example.com/warden
                      secret: ${env:HOOK_SECRET}
                      on: [denied, detection]
                      timeout: 3s
                      max-attempts: 7
                      backoff: 500ms
                      max-backoff: 30s
                      headers: { Authorization: "Bearer ${env:HOOK_TOKEN}", X-Team: secops }
                      queue-size: 50
                    - url: http://127.0.0.1:9000/hook
                      secret: ${env:HOOK_SECRET}
                  syslog:
                    address: tcp://siem.example.com:6514
                    format: json
                    facility: auth
                    on: [error]
                    timeout: 1s
                    queue-size: 10
                  file:
                    path: /var/log/warden/alerts.jsonl
                    format: cef
                    max-size: 10MiB
                    keep: 3
                """)
            .alerts();
    assertThat(alerts.drainTimeout()).isEqualTo(Duration.ofSeconds(2));
    AlertsConfig.Webhook soc = alerts.webhooks().get(0);
    assertThat(soc.id()).isEqualTo("soc");
    assertThat(soc.url().reveal()).isEqualTo("https://hooks.example.com/warden");
    assertThat(soc.secret().reveal()).isEqualTo("0123456789abcdef0123");
    assertThat(soc.on()).isEqualTo(Set.of(Event.DENIED, Event.DETECTION));
    assertThat(soc.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(soc.maxAttempts()).isEqualTo(7);
    assertThat(soc.backoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(soc.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(soc.headers().get("Authorization").reveal()).isEqualTo("Bearer t0k3n");
    assertThat(soc.headers().get("X-Team").reveal()).isEqualTo("secops");
    assertThat(soc.queueSize()).isEqualTo(50);
    AlertsConfig.Webhook second = alerts.webhooks().get(1);
    assertThat(second.id()).isEqualTo("webhook-2");
    assertThat(second.on()).isEqualTo(Event.ALL);
    assertThat(second.maxAttempts()).isEqualTo(AlertsConfig.Webhook.DEFAULT_MAX_ATTEMPTS);
    AlertsConfig.Syslog syslog = alerts.syslog().orElseThrow();
    assertThat(syslog.protocol()).isEqualTo(Protocol.TCP);
    assertThat(syslog.host()).isEqualTo("siem.example.com");
    assertThat(syslog.port()).isEqualTo(6514);
    assertThat(syslog.format()).isEqualTo(Format.JSON);
    assertThat(syslog.facility()).isEqualTo(4);
    assertThat(syslog.on()).isEqualTo(Set.of(Event.ERROR));
    AlertsConfig.File file = alerts.file().orElseThrow();
    assertThat(file.path()).isEqualTo(Path.of("/var/log/warden/alerts.jsonl"));
    assertThat(file.format()).isEqualTo(Format.CEF);
    assertThat(file.maxSize()).isEqualTo(10L << 20);
    assertThat(file.keep()).isEqualTo(3);
    assertThat(file.on()).isEqualTo(Event.ALL);
  }

  @Test
  void syslogDefaultsToCefOnLocal0Port514() throws ConfigException {
    AlertsConfig.Syslog s =
        loader
            .parse("servers: []\nalerts:\n  syslog: { address: \"udp://[::1]\" }\n")
            .alerts()
            .syslog()
            .orElseThrow();
    assertThat(s.protocol()).isEqualTo(Protocol.UDP);
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(514);
    assertThat(s.format()).isEqualTo(Format.CEF);
    assertThat(s.facility()).isEqualTo(16);
  }

  @Test
  void reportsEachBadValueWithItsLineAndNeverEchoesASecret() {
    loader.env.put("SHORT", "tooshort");
    assertThat(
            loader.problems(
                """
                servers: []
                alerts:
                  webhooks:
                    - url: ftp://example.com/x
                      secret: literal-secret-value-123456
                      on: [denied, sometimes]
                      max-attempts: 0
                      headers: { X-Warden-Signature: x, Content-Type: text/plain }
                      colour: red
                    - url: https://example.com/x
                      secret: ${env:SHORT}
                    - secret: ${env:SHORT}
                      on: []
                  syslog:
                    address: http://siem:514
                    format: xml
                    facility: local9
                  file:
                    format: yaml
                    keep: 0
                  drain-timeout: soon
                """))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:4:").contains("http://"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:5:").contains("literal"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:6:").contains("'sometimes'"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:7:").contains("from 1 to"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("conf/warden.yaml:8:")
                    .contains("X-Warden-Signature")
                    .contains("set by Warden"))
        .anySatisfy(p -> assertThat(p).contains("Content-Type").contains("set by Warden"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:9:").contains("unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:11:").contains("shorter than"))
        .anySatisfy(p -> assertThat(p).contains("webhooks[2].url").contains("is required"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:13:").contains("at least one"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:15:").contains("udp://"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:16:").contains("cef or json"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:17:").contains("facility"))
        .anySatisfy(p -> assertThat(p).contains("alerts.file.path").contains("is required"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:19:").contains("jsonl or cef"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:20:").contains("from 1 to"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:21:").contains("90d"))
        .noneMatch(p -> p.contains("literal-secret-value") || p.contains("tooshort"));
  }

  @Test
  void aUrlMayComeFromTheEnvironmentAndIsNeverEchoed() throws ConfigException {
    loader.env.put("HOOK_URL", "https://hooks.example.com/services/T0/B0/s3cr3tpath");
    loader.env.put("BAD_URL", "not a url s3cr3tpath");
    loader.env.put("S", "0123456789abcdef0123");
    assertThat(
            loader
                .parse(
                    "servers: []\nalerts:\n  webhooks:\n"
                        + "    - { url: \"${env:HOOK_URL}\", secret: \"${env:S}\" }\n")
                .alerts()
                .webhooks()
                .getFirst()
                .url()
                .toString())
        .isEqualTo("${env:HOOK_URL}");
    assertThat(
            loader.problems(
                "servers: []\nalerts:\n  webhooks:\n"
                    + "    - { url: \"${env:BAD_URL}\", secret: \"${env:S}\" }\n"))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("http://").doesNotContain("s3cr3tpath"));
  }
}
