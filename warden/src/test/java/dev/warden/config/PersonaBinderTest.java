package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void defaultsToNoDescriptionAndNothingAllowed() throws ConfigException {
    PersonaConfig persona =
        loader.parse("servers: []\npersonas:\n  - id: reader\n").personas().getFirst();

    assertThat(persona).isEqualTo(new PersonaConfig("reader", "", List.of(), List.of(), List.of()));
  }

  @Test
  void rejectsPatternsOutsideExposedNameCharacters() {
    assertThat(
            loader.problems(
                """
                servers: []
                personas:
                  - id: reader
                    tools: [tickets__get, "tickets.search", [nested]]
                    prompts: ["a b"]
                    resources: ["  "]
                """))
        .containsExactly(
            "conf/warden.yaml:4: personas[0].tools[1]: 'tickets.search' is not a valid pattern:"
                + " letters, digits, _, - and * only",
            "conf/warden.yaml:4: personas[0].tools[2]: must be a single value, not a list",
            "conf/warden.yaml:5: personas[0].prompts[0]: 'a b' is not a valid pattern: letters,"
                + " digits, _, - and * only",
            "conf/warden.yaml:6: personas[0].resources[0]: must not be blank");
  }

  @Test
  void rejectsDuplicatePersonaIds() {
    assertThat(loader.problems("servers: []\npersonas:\n  - id: a\n  - id: b\n  - id: a\n"))
        .containsExactly("conf/warden.yaml:5: personas[2].id: duplicate id 'a' (first at line 3)");
  }

  private static final String SERVERS =
      """
      servers:
        - id: tickets
          transport: streamable-http
          url: http://127.0.0.1:3001/mcp
        - id: mail
          transport: streamable-http
          url: http://127.0.0.1:3002/mcp
      personas:
      """;

  @Test
  void readsUnprefixedNamesForAPersonaOfOneServer() throws ConfigException {
    PersonaConfig persona =
        loader
            .parse(
                SERVERS
                    + """
                      - id: desk
                        names: unprefixed
                        tools: [tickets__get_*, tickets__search]
                        prompts: [tickets__summarize]
                        resources: ["mail://*"]
                    """)
            .personas()
            .getFirst();

    assertThat(persona.names()).isEqualTo(PersonaConfig.Names.UNPREFIXED);
    assertThat(persona.soleServer()).contains("tickets");
  }

  @Test
  void namesArePrefixedUnlessSaidOtherwise() throws ConfigException {
    String yaml = SERVERS + "  - id: desk\n    tools: [tickets__get]\n";
    assertThat(loader.parse(yaml).personas().getFirst().names())
        .isEqualTo(PersonaConfig.Names.PREFIXED);
    assertThat(loader.parse(yaml + "    names: prefixed\n").personas().getFirst().names())
        .isEqualTo(PersonaConfig.Names.PREFIXED);
  }

  @Test
  void rejectsUnprefixedNamesUnlessEveryPatternNamesTheSameKnownServer() {
    assertThat(
            loader.problems(
                SERVERS
                    + """
                      - id: two
                        names: unprefixed
                        tools: [tickets__get, mail__send]
                      - id: wildcard
                        names: unprefixed
                        tools: ["*__get"]
                      - id: nothing
                        names: unprefixed
                      - id: ghost
                        names: unprefixed
                        prompts: [ghost__hello]
                      - id: typo
                        names: unprefix
                        tools: [tickets__get]
                    """))
        .containsExactly(
            "conf/warden.yaml:10: personas[0].names: unprefixed needs every tools and prompts"
                + " pattern to name one and the same server (e.g. tickets__*)",
            "conf/warden.yaml:13: personas[1].names: unprefixed needs every tools and prompts"
                + " pattern to name one and the same server (e.g. tickets__*)",
            "conf/warden.yaml:16: personas[2].names: unprefixed needs every tools and prompts"
                + " pattern to name one and the same server (e.g. tickets__*)",
            "conf/warden.yaml:18: personas[3].names: unprefixed names server 'ghost', which is not"
                + " in servers",
            "conf/warden.yaml:21: personas[4].names: must be prefixed or unprefixed, not"
                + " 'unprefix'");
  }
}
