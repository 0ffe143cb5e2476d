package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExposedNameTest {

  @Test
  void joinsServerAndName() {
    assertThat(ExposedName.of("tickets", "get_ticket")).isEqualTo("tickets__get_ticket");
  }

  @Test
  void replacesCharactersFunctionCallingApisReject() {
    assertThat(ExposedName.of("files", "read.file/v2")).isEqualTo("files__read_file_v2");
    assertThat(ExposedName.sanitize("ok-name_1")).isEqualTo("ok-name_1");
  }

  @Test
  void nameWithoutPrefixDoesNotParse() {
    assertThat(ExposedName.parse("get_ticket")).isEmpty();
    assertThat(ExposedName.parse("__x")).isEmpty();
    assertThat(ExposedName.parse("tickets__")).isEmpty();
  }

  /** Server ids never hold "__", so splitting gives back exactly what was joined. */
  @Property(tries = 1000)
  void parseInvertsOf(@ForAll("serverIds") String server, @ForAll("toolNames") String tool) {
    String exposed = ExposedName.of(server, tool);
    assertThat(exposed).matches("[A-Za-z0-9_-]+");
    ExposedName parsed = ExposedName.parse(exposed).orElseThrow();
    assertThat(parsed.server()).isEqualTo(server);
    assertThat(parsed.name()).isEqualTo(ExposedName.sanitize(tool));
  }

  @Provide
  Arbitrary<String> serverIds() {
    return Arbitraries.strings()
        .withChars("abc019")
        .ofMinLength(1)
        .ofMaxLength(5)
        .flatMap(a -> Arbitraries.of("", "-x").map(b -> a + b));
  }

  @Provide
  Arbitrary<String> toolNames() {
    return Arbitraries.strings().withChars("ab_-./é ").ofMinLength(1).ofMaxLength(10);
  }
}
