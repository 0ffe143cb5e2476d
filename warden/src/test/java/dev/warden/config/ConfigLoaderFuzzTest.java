package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the loader answers with a configuration or problems, never a crash. */
class ConfigLoaderFuzzTest {
  private static final String EXAMPLE;

  static {
    try {
      EXAMPLE = Files.readString(ExampleConfigTest.EXAMPLE);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String ALPHABET = "ab-_:{}[],*&!|>'\"#$ \n\t0~%@`?";

  record Edit(int position, int deleted, String inserted) {
    String applyTo(String text) {
      int at = position % (text.length() + 1);
      int end = Math.min(text.length(), at + deleted);
      return text.substring(0, at) + inserted + text.substring(end);
    }
  }

  @Property(tries = 500)
  void editedExampleGivesConfigOrProblemsWithLines(@ForAll("edits") List<Edit> edits) {
    String text = EXAMPLE;
    for (Edit edit : edits) {
      text = edit.applyTo(text);
    }
    String yaml = text;
    ConfigLoader loader = new ConfigLoader(Map.of("TICKETS_TOKEN", "t", "MAIL_TOKEN", "m")::get);

    Throwable thrown = catchThrowable(() -> loader.parse(yaml, ExampleConfigTest.EXAMPLE));

    if (thrown != null) {
      assertThat(thrown).isInstanceOf(ConfigException.class);
      assertThat(((ConfigException) thrown).problems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.line()).isPositive());
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 8),
                Arbitraries.strings().withChars(ALPHABET).ofMaxLength(4))
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(6);
  }
}
