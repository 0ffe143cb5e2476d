package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example shipped in deploy/examples must stay valid as the format grows. */
class ExampleConfigTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../deploy/examples/warden.yaml")
          .normalize();

  @Test
  void exampleConfigurationLoads() throws IOException, ConfigException {
    Map<String, String> env =
        Map.of(
            "WARDEN_ADMIN_TOKEN", "admin-token",
            "TICKETS_TOKEN", "tickets-token",
            "MAIL_TOKEN", "mail-token",
            "TRIAGE_BOT_KEY", "triage-key",
            "WARDEN_TOKENIZE_KEY", "tokenize-key");

    WardenConfig config = new ConfigLoader(env::get).read(EXAMPLE);

    assertThat(config.source()).isEqualTo(EXAMPLE);
    assertThat(config.servers())
        .extracting(ServerConfig::id, ServerConfig::transport)
        .containsExactly(
            tuple("tickets", Transport.STREAMABLE_HTTP), tuple("mail", Transport.STREAMABLE_HTTP));
    assertThat(config.personas())
        .extracting(PersonaConfig::id)
        .containsExactly("support-triage", "mail-sender");
    assertThat(config.agents())
        .extracting(AgentConfig::id)
        .containsExactly("triage-bot", "reply-bot");
    assertThat(config.servers().get(1).headers().get("Authorization").reveal())
        .isEqualTo("Bearer mail-token");
    assertThat(config.servers().get(1).labels()).containsExactly("external");
    assertThat(config.dataProtection().rules())
        .extracting(DataProtectionConfig.DataRule::id)
        .containsExactly("triage-cards", "no-ids-in-mail", "secrets-never-out");
    assertThat(config.dataProtection().trust().onHop())
        .isEqualTo(DataProtectionConfig.Action.BLOCK);
  }
}
