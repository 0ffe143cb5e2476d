package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void auditIsOnWithFullSyncByDefault() throws ConfigException {
    assertThat(loader.parse("servers: []\n").audit()).isEqualTo(AuditConfig.DEFAULTS);
  }

  @Test
  void readsEverySetting() throws ConfigException {
    loader.env.put("AUDIT_KEY", "k3y");
    AuditConfig audit =
        loader
            .parse(
                """
                servers: []
                audit:
                  enabled: true
                  checkpoint-key: "${env:AUDIT_KEY}"
                  checkpoint-every: 500
                  sync: normal
                  commit-timeout: 2s
                  retention: { max-age: 90d, max-records: 1000000 }
                """)
            .audit();
    assertThat(audit.checkpointKey().orElseThrow().reveal()).isEqualTo("k3y");
    assertThat(audit.checkpointEvery()).isEqualTo(500);
    assertThat(audit.sync()).isEqualTo(AuditConfig.Sync.NORMAL);
    assertThat(audit.commitTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(audit.maxAge()).contains(Duration.ofDays(90));
    assertThat(audit.maxRecords()).isEqualTo(1_000_000);
  }

  @Test
  void reportsEachBadValueWithItsLine() {
    assertThat(
            loader.problems(
                """
                servers: []
                audit:
                  enabled: maybe
                  checkpoint-key: plain-text-key
                  checkpoint-every: -3
                  sync: sometimes
                  retention: { max-age: 90 }
                  colour: red
                """))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:3:").contains("true or false"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:4:").contains("literal"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:5:").contains("greater than"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:6:").contains("full or normal"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:7:").contains("90d"))
        .anySatisfy(p -> assertThat(p).startsWith("conf/warden.yaml:8:").contains("unknown key"))
        .noneMatch(p -> p.contains("plain-text-key"));
  }

  @Test
  void retentionNeedsACheckpointKey() {
    assertThat(loader.problems("servers: []\naudit:\n  retention: { max-records: 10 }\n"))
        .anySatisfy(p -> assertThat(p).contains("audit.checkpoint-key").contains("retention"));
  }
}
