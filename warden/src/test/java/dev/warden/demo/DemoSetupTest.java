package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.HostPort;
import dev.warden.config.PersonaConfig;
import dev.warden.config.ServerConfig;
import dev.warden.config.Transport;
import dev.warden.config.WardenConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSetupTest {
  private static final Map<String, URI> ENDPOINTS =
      Map.of(
          "tickets", URI.create("http://127.0.0.1:1/demo/tickets/mcp"),
          "mail", URI.create("http://127.0.0.1:1/demo/mail/mcp"),
          "docs", URI.create("http://127.0.0.1:1/demo/docs/mcp"));
  private static final HostPort LISTEN = new HostPort("127.0.0.1", 8080);
  private static final AdminConfig ADMIN =
      new AdminConfig(new HostPort("127.0.0.1", 8081), List.of());

  private final DemoSetup setup = DemoSetup.create(ENDPOINTS, LISTEN, ADMIN);
  private final WardenConfig config = setup.config();

  @Test
  void registersTheThreeDemoServersOverStreamableHttp() {
    assertThat(config.servers())
        .extracting(ServerConfig::id, ServerConfig::transport, ServerConfig::url)
        .containsExactly(
            tuple("tickets", Transport.STREAMABLE_HTTP, ENDPOINTS.get("tickets")),
            tuple("mail", Transport.STREAMABLE_HTTP, ENDPOINTS.get("mail")),
            tuple("docs", Transport.STREAMABLE_HTTP, ENDPOINTS.get("docs")));
    assertThat(config.listen()).isEqualTo(LISTEN);
    assertThat(config.admin()).isEqualTo(ADMIN);
    assertThat(config.storage()).isEqualTo(WardenConfig.DEFAULT_STORAGE);
    assertThat(config.source()).isNull();
  }

  @Test
  void triagePersonaCannotDeleteOrSend() {
    PersonaConfig triage = persona("support-triage");
    assertThat(triage.description()).contains("Never deletes anything");
    assertThat(triage.tools())
        .contains("tickets__get_ticket", "mail__draft_reply")
        .doesNotContain("tickets__delete_ticket", "mail__send_email");
    assertThat(triage.prompts()).containsExactly("tickets__*");
    assertThat(triage.resources()).containsExactly("ticket://*", "doc://*");
    assertThat(persona("auditor").tools())
        .containsExactly("tickets__search_tickets", "tickets__get_ticket", "docs__*");
    assertThat(persona("outreach").tools()).containsExactly("mail__*", "tickets__get_ticket");
  }

  @Test
  void eachAgentGetsItsOwnRandomKey() {
    assertThat(config.agents())
        .extracting(AgentConfig::id, AgentConfig::personas)
        .containsExactly(
            tuple("triage-bot", List.of("support-triage")),
            tuple("audit-bot", List.of("auditor")),
            tuple("outreach-bot", List.of("outreach", "support-triage")));
    assertThat(setup.agentKeys()).containsOnlyKeys("triage-bot", "audit-bot", "outreach-bot");
    assertThat(setup.agentKeys().values())
        .doesNotHaveDuplicates()
        .allSatisfy(k -> assertThat(k).matches("wk_[A-Za-z0-9_-]{32}"));
    for (AgentConfig agent : config.agents()) {
      assertThat(agent.keys())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.reveal()).isEqualTo(setup.agentKeys().get(agent.id()));
                assertThat(s.origin()).isEqualTo("generated");
              });
    }
    assertThat(DemoSetup.create(ENDPOINTS, LISTEN, ADMIN).agentKeys())
        .isNotEqualTo(setup.agentKeys());
  }

  @Test
  void keysNeverPrint() {
    String key = setup.agentKeys().get("triage-bot");
    assertThat(setup.toString()).doesNotContain(key);
    assertThat(config.toString()).doesNotContain(key);
  }

  @Test
  void refusesEndpointsWithoutEveryDemoServer() {
    assertThatThrownBy(
            () -> DemoSetup.create(Map.of("tickets", ENDPOINTS.get("tickets")), LISTEN, ADMIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mail");
  }

  private PersonaConfig persona(String id) {
    return config.personas().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
