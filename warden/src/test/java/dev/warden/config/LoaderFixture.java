package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses configuration text with a test environment and lists the problem lines it reports. */
final class LoaderFixture {
  static final Path FILE = Path.of("conf/warden.yaml");

  final Map<String, String> env = new HashMap<>();
  private final Path file;

  LoaderFixture() {
    this(FILE);
  }

  LoaderFixture(Path file) {
    this.file = file;
  }

  WardenConfig parse(String yaml) throws ConfigException {
    return new ConfigLoader(env::get).parse(yaml, file);
  }

  ConfigException failure(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
    assertThat(e).as("expected the configuration to be rejected").isNotNull();
    return e;
  }

  /** Every problem line ({@code file:line: key: message}) reported for {@code yaml}. */
  List<String> problems(String yaml) {
    return failure(yaml).problems().stream().map(ConfigProblem::toString).toList();
  }
}
