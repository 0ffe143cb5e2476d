package dev.warden.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void exactPatternMatchesOnlyItself() {
    NamePattern p = new NamePattern("tickets__get_ticket");
    assertThat(p.matches("tickets__get_ticket")).isTrue();
    assertThat(p.matches("tickets__get_ticket2")).isFalse();
    assertThat(p.matches("xtickets__get_ticket")).isFalse();
  }

  @Test
  void starMatchesAnyRunIncludingNone() {
    NamePattern p = new NamePattern("tickets__search_*");
    assertThat(p.matches("tickets__search_")).isTrue();
    assertThat(p.matches("tickets__search_all")).isTrue();
    assertThat(p.matches("tickets__get")).isFalse();
    assertThat(new NamePattern("*").matches("")).isTrue();
    assertThat(new NamePattern("a*b*c").matches("abc")).isTrue();
    assertThat(new NamePattern("a*b*c").matches("ac")).isFalse();
    assertThat(new NamePattern("a*a").matches("a")).isFalse();
    assertThat(new NamePattern("*__delete_*").matches("tickets__delete_ticket")).isTrue();
  }

  /** The matcher agrees with the equivalent regular expression on arbitrary names. */
  @Property(tries = 2000)
  void agreesWithRegex(@ForAll("patterns") String pattern, @ForAll("names") String name) {
    String regex =
        String.join(
            ".*", java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
    assertThat(new NamePattern(pattern).matches(name)).isEqualTo(name.matches(regex));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab_*").ofMaxLength(6);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ab_").ofMaxLength(8);
  }
}
