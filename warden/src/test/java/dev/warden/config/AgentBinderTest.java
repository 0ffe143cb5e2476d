package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentBinderTest {
  private static final String PERSONAS =
      """
      servers: []
      personas:
        - id: reader
        - id: writer
      agents:
      """;
  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final LoaderFixture loader = new LoaderFixture();

  @BeforeEach
  void keys() {
    loader.env.put("KEY_A", "key-a");
    loader.env.put("KEY_B", "key-b");
  }

  @Test
  void namesTheUnknownPersona() {
    assertThat(
            loader.problems(
                PERSONAS
                    + """
                      - id: bot
                        personas: [reader, auditor]
                        keys: ["${env:KEY_A}"]
                    """))
        .containsExactly(
            "conf/warden.yaml:7: agents[0].personas[1]: unknown persona 'auditor'; defined:"
                + " reader, writer");
  }

  @Test
  void requiresAPersonaAndACredential() {
    assertThat(loader.problems(PERSONAS + "  - id: bot\n    personas: []\n"))
        .containsExactly(
            "conf/warden.yaml:6: agents[0].keys: an agent needs at least one key or key-sha256",
            "conf/warden.yaml:7: agents[0].personas: an agent needs at least one persona");
  }

  @Test
  void reportsAWronglyShapedKeyListOnce() {
    assertThat(
            loader.problems(
                PERSONAS + "  - id: bot\n    personas: reader\n    keys: \"${env:KEY_A}\"\n"))
        .containsExactly(
            "conf/warden.yaml:7: agents[0].personas: must be a list such as [a, b], not a single"
                + " value",
            "conf/warden.yaml:8: agents[0].keys: must be a list such as [a, b], not a single value");
  }

  @Test
  void rejectsLiteralKeyWithoutEchoingIt() {
    ConfigException e =
        loader.failure(
            PERSONAS + "  - id: bot\n    personas: [reader]\n    keys: [sk-live-literal-123]\n");

    assertThat(e.problems())
        .singleElement()
        .hasToString(
            "conf/warden.yaml:8: agents[0].keys[0]: a literal is not allowed here; put the key in"
                + " ${env:…} or ${file:…}, or give its key-sha256");
    assertThat(e.getMessage()).doesNotContain("sk-live-literal-123");
  }

  @Test
  void acceptsKeySha256AloneAndRejectsMalformedDigests() throws ConfigException {
    String yaml = PERSONAS + "  - id: bot\n    personas: [reader]\n    key-sha256: [" + SHA + "]\n";
    assertThat(loader.parse(yaml).agents().getFirst().keySha256()).containsExactly(SHA);

    assertThat(loader.problems(yaml.replace(SHA, SHA.toUpperCase())))
        .containsExactly(
            "conf/warden.yaml:8: agents[0].key-sha256[0]: must be 64 lower-case hex characters (a"
                + " SHA-256 digest)");
  }

  @Test
  void rejectsOneKeyGivenToTwoAgents() {
    loader.env.put("KEY_B", "key-a");
    assertThat(
            loader.problems(
                PERSONAS
                    + """
                      - { id: one, personas: [reader], keys: ["${env:KEY_A}"] }
                      - { id: two, personas: [writer], keys: ["${env:KEY_B}"] }
                    """))
        .containsExactly(
            "conf/warden.yaml:7: agents[1].keys[0]: the same key is already given to agent one;"
                + " each key names one agent");
  }

  @Test
  void rejectsDuplicateAgentIds() {
    assertThat(
            loader.problems(
                PERSONAS
                    + """
                      - { id: bot, personas: [reader], keys: ["${env:KEY_A}"] }
                      - { id: bot, personas: [writer], keys: ["${env:KEY_B}"] }
                    """))
        .containsExactly("conf/warden.yaml:7: agents[1].id: duplicate id 'bot' (first at line 6)");
  }

  @Test
  void bindsAUserHeaderAndRejectsBadNames() throws ConfigException {
    String agent = PERSONAS + "  - id: bot\n    personas: [reader]\n    keys: [\"${env:KEY_A}\"]\n";
    assertThat(loader.parse(agent).agents().getFirst().userHeader()).isEmpty();
    assertThat(
            loader.parse(agent + "    user-header: X-End-User\n").agents().getFirst().userHeader())
        .contains("X-End-User");

    assertThat(loader.problems(agent + "    user-header: \"X End User\"\n"))
        .containsExactly(
            "conf/warden.yaml:9: agents[0].user-header: must be an HTTP header name, e.g."
                + " X-End-User");
    assertThat(loader.problems(agent + "    user-header: authorization\n"))
        .containsExactly(
            "conf/warden.yaml:9: agents[0].user-header: 'authorization' carries something else;"
                + " name a header of its own");
    assertThat(loader.problems(agent + "    user-header: [X-A, X-B]\n")).hasSize(1);
    assertThat(loader.problems(agent + "    user_header: X-End-User\n"))
        .singleElement()
        .asString()
        .startsWith("conf/warden.yaml:9: agents[0].user_header:");
  }
}
