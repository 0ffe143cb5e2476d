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
}
