package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import org.junit.jupiter.api.Test;

class DataProtectionBinderTest {
  private static final String SERVERS =
      """
      servers:
        - id: crm
          transport: streamable-http
          url: http://127.0.0.1:3001/mcp
          labels: [prod]
        - id: hook
          transport: streamable-http
          url: http://127.0.0.1:3002/mcp
          labels: [external]
      personas:
        - id: finance
      """;

  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void readsRulesTrustLabelsAndTheTokenizeKey() throws ConfigException {
    loader.env.put("TOK", "k3y");
    WardenConfig c =
        loader.parse(
            SERVERS
                + """
                data-protection:
                  tokenize-key: "${env:TOK}"
                  rules:
                    - id: cards-out
                      personas: [finance]
                      servers: [crm]
                      direction: response
                      frameworks: [pci-dss]
                      action: mask
                      keep-last: 6
                    - id: keys
                      types: [AWS_ACCESS_KEY_ID]
                      action: block
                  trust:
                    order: [external, prod]
                    on-hop: alert
                """);
    DataProtectionConfig dp = c.dataProtection();
    assertThat(dp.tokenizeKey()).map(Secret::reveal).contains("k3y");
    assertThat(dp.rules())
        .containsExactly(
            new DataRule(
                "cards-out",
                java.util.List.of("finance"),
                java.util.List.of("crm"),
                Direction.RESPONSE,
                java.util.List.of(),
                java.util.List.of("PCI-DSS"),
                Action.MASK,
                6),
            new DataRule(
                "keys",
                java.util.List.of(),
                java.util.List.of(),
                Direction.BOTH,
                java.util.List.of("AWS_ACCESS_KEY_ID"),
                java.util.List.of(),
                Action.BLOCK,
                4));
    assertThat(dp.trust().order()).containsExactly("external", "prod");
    assertThat(dp.trust().onHop()).isEqualTo(Action.ALERT);
    assertThat(c.servers().get(0).labels()).containsExactly("prod");
  }

  @Test
  void withoutTheSectionTheSecureDefaultApplies() throws ConfigException {
    assertThat(loader.parse(SERVERS).dataProtection()).isEqualTo(DataProtectionConfig.DEFAULT);
  }

  @Test
  void reportsEveryProblemWithItsLine() {
    assertThat(
            loader.problems(
                SERVERS
                    + """
                    data-protection:
                      tokenize-key: literal-key
                      rules:
                        - id: r1
                          servers: [nope]
                          personas: [ghost]
                          action: shred
                          colour: red
                        - id: r2
                          types: [lower_case]
                          action: redact
                          keep-last: 4
                        - types: [EMAIL_ADDRESS]
                      trust:
                        order: [prod, prod]
                        on-hop: mask
                    """))
        .containsExactly(
            "conf/warden.yaml:13: data-protection.tokenize-key: a literal is not allowed here;"
                + " put the key in ${env:…} or ${file:…}",
            "conf/warden.yaml:16: data-protection.rules[0].servers[0]: 'nope' is not a configured"
                + " server",
            "conf/warden.yaml:17: data-protection.rules[0].personas[0]: 'ghost' is not a"
                + " configured persona",
            "conf/warden.yaml:18: data-protection.rules[0].action: must be one of allow, alert,"
                + " mask, redact, tokenize, block, not 'shred'",
            "conf/warden.yaml:19: data-protection.rules[0].colour: unknown key; expected one of:"
                + " id, personas, servers, direction, types, frameworks, action, keep-last",
            "conf/warden.yaml:21: data-protection.rules[1].types[0]: 'lower_case' is not a type"
                + " id such as CARD_VISA",
            "conf/warden.yaml:23: data-protection.rules[1].keep-last: is only used by action mask",
            "conf/warden.yaml:24: data-protection.rules[2].id: is required",
            "conf/warden.yaml:24: data-protection.rules[2].action: is required: one of allow,"
                + " alert, mask, redact, tokenize, block",
            "conf/warden.yaml:26: data-protection.trust.order: names a label twice",
            "conf/warden.yaml:27: data-protection.trust.on-hop: must be block or alert, not"
                + " 'mask'");
  }
}
