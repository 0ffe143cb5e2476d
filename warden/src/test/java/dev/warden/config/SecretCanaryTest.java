package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known value fed in through every secret route must never come out in text. */
class SecretCanaryTest {
  private static final String CANARY = "canary-5f0c1d9e-never-print";

  private final LoaderFixture loader = new LoaderFixture();

  private String config(Path secretFile) {
    return """
        admin:
          tokens: ["${env:CANARY}", "${file:%1$s}"]
        servers:
          - id: a
            transport: streamable-http
            url: http://a/
            headers: { Authorization: "Bearer ${env:CANARY}", X-File: "${file:%1$s}" }
          - id: b
            transport: stdio
            command: [b]
            env: { TOKEN: "${env:CANARY}" }
        personas:
          - id: p
        agents:
          - { id: one, personas: [p], keys: ["${env:CANARY}"] }
        """
        .formatted(secretFile);
  }

  @Test
  void validConfigurationNeverPrintsTheCanary(@TempDir Path dir)
      throws IOException, ConfigException {
    loader.env.put("CANARY", CANARY);
    Path file = Files.writeString(dir.resolve("canary"), CANARY + "\n");

    WardenConfig config = loader.parse(config(file));

    assertThat(config.servers().getFirst().headers().get("Authorization").reveal())
        .isEqualTo("Bearer " + CANARY);
    assertThat(config.toString()).doesNotContain(CANARY);
  }

  @Test
  void problemsNeverPrintTheCanary(@TempDir Path dir) throws IOException {
    // Each route here also fails somehow: a second agent reuses the key, a header breaks lines.
    loader.env.put("CANARY", CANARY);
    loader.env.put("CANARY_LINES", CANARY + "\n" + CANARY);
    Path file = Files.writeString(dir.resolve("canary"), CANARY);
    String yaml =
        config(file)
                .replace("X-File:", "X-Lines: \"${env:CANARY_LINES}\", X-File:")
                .replace("servers:", "listen: " + "bad\nservers:")
            + "  - { id: two, personas: [p, "
            + "nope], keys: [\"${env:CANARY}\"] }\n"
            + "  - { id: three, personas: [p], keys: ["
            + CANARY
            + "] }\n";

    ConfigException e = loader.failure(yaml);

    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(e.getMessage()).doesNotContain(CANARY);
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(CANARY));
  }
}
