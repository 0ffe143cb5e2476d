package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void shippedDefaultsLeaveAuditAndRulesOut() throws Exception {
    JsonNode c = YAML.readTree(GatewayConfig.yaml(1, 2, 3, "sqlite:/tmp/w.db", true, true));
    assertThat(c.path("listen").asText()).isEqualTo("127.0.0.1:1");
    assertThat(c.path("servers").path(0).path("url").asText()).isEqualTo("http://127.0.0.1:3/mcp");
    assertThat(c.path("personas").path(0).path("tools").path(0).asText()).isEqualTo("fast__*");
    assertThat(c.path("agents").path(0).path("keys").path(0).asText())
        .isEqualTo("${env:BENCH_KEY}");
    assertThat(c.has("audit")).isFalse();
    assertThat(c.has("data-protection")).isFalse();
  }

  @Test
  void setsTheEventLoopsOnlyWhenAskedTo() throws Exception {
    String base = GatewayConfig.yaml(1, 2, 3, "sqlite:/tmp/w.db", true, true);
    assertThat(YAML.readTree(base + GatewayConfig.limits(-1)).has("limits")).isFalse();
    JsonNode c = YAML.readTree(base + GatewayConfig.limits(0));
    assertThat(c.path("limits").path("event-loops").asInt(-1)).isZero();
  }

  @Test
  void turnsAuditAndRulesOffOnRequest() throws Exception {
    JsonNode c = YAML.readTree(GatewayConfig.yaml(1, 2, 3, "sqlite:/tmp/w.db", false, false));
    assertThat(c.path("audit").path("enabled").asBoolean(true)).isFalse();
    assertThat(c.path("data-protection").path("rules").path(0).path("action").asText())
        .isEqualTo("allow");
  }

  @Test
  void addsTheStdioServerWhenAStdioCaseRuns() throws Exception {
    List<String> command = List.of("/opt/jdk/bin/java", "-cp", "a b:c\\\"d", "X", "--stdio");
    JsonNode c =
        YAML.readTree(GatewayConfig.yaml(1, 2, 3, "sqlite:/tmp/w.db", true, true, command));
    JsonNode stdio = c.path("servers").path(1);
    assertThat(stdio.path("id").asText()).isEqualTo("fastio");
    assertThat(stdio.path("transport").asText()).isEqualTo("stdio");
    assertThat(stdio.path("start").asText()).isEqualTo("boot");
    assertThat(YAML.convertValue(stdio.path("command"), List.class)).isEqualTo(command);
    assertThat(c.path("personas").path(0).path("tools").toString())
        .isEqualTo("[\"fast__*\",\"fastio__*\"]");
    assertThat(c.path("servers").size()).isEqualTo(2);
  }
}
