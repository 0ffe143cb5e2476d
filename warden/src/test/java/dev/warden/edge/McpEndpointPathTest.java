package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The persona endpoint paths are read as the expression of their documented form reads them. */
class McpEndpointPathTest {
  private static final Pattern PATH = Pattern.compile("/personas/([a-z0-9][a-z0-9-]{0,63})/mcp/?");

  @Property(tries = 5000)
  void personaReadsAsTheExpression(@ForAll("paths") String path) {
    Matcher m = PATH.matcher(path);

    assertThat(McpEndpoint.persona(path, 0)).as(path).isEqualTo(m.matches() ? m.group(1) : null);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> name =
        Arbitraries.strings().withChars("ab9-_A").ofMinLength(0).ofMaxLength(3).map(s -> s);
    Arbitrary<String> longName = Arbitraries.of("x".repeat(63), "x".repeat(64), "x".repeat(65));
    Arbitrary<String> part =
        Arbitraries.oneOf(
            Arbitraries.of("/personas/", "/personas", "/mcp", "/mcp/", "/", "mcp", "//", "/x"),
            name,
            longName);
    return part.list().ofMaxSize(5).map(l -> String.join("", l));
  }
}
