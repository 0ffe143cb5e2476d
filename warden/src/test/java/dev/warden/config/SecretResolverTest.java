package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
  private final LoaderFixture loader = new LoaderFixture();

  private static String headerServer(String value) {
    return "servers:\n  - id: a\n    transport: sse\n    url: http://a/\n    headers: { X-Key: \""
        + value
        + "\" }\n";
  }

  private Secret header(String value) throws ConfigException {
    return loader.parse(headerServer(value)).servers().getFirst().headers().get("X-Key");
  }

  @Test
  void namesAnUnsetVariableAndItsKey() {
    assertThat(loader.problems(headerServer("Bearer ${env:TICKETS_TOKEN}")))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].headers.X-Key: environment variable TICKETS_TOKEN is"
                + " not set");
  }

  @Test
  void resolvesEmbeddedReferencesKeepingTheTemplateAsOrigin() throws ConfigException {
    loader.env.put("USER", "u");
    loader.env.put("PASS", "p");

    Secret secret = header("${env:USER}:${env:PASS}");

    assertThat(secret.reveal()).isEqualTo("u:p");
    assertThat(secret.origin()).isEqualTo("${env:USER}:${env:PASS}");
    assertThat(secret).hasToString("${env:USER}:${env:PASS}");
  }

  @Test
  void keepsPlainValuesAsLiterals() throws ConfigException {
    assertThat(header("support")).isEqualTo(Secret.literal("support"));
  }

  @Test
  void readsFileTrimmingTheTrailingNewline(@TempDir Path dir) throws IOException, ConfigException {
    Path token = Files.writeString(dir.resolve("token"), "s3cret\n");

    Secret secret = header("${file:" + token + "}");

    assertThat(secret.reveal()).isEqualTo("s3cret");
    assertThat(secret).hasToString("${file:" + token + "}");
  }

  @Test
  void readsRelativeFilesNextToTheConfiguration(@TempDir Path dir)
      throws IOException, ConfigException {
    Files.writeString(dir.resolve("token"), "t\r\n");
    LoaderFixture beside = new LoaderFixture(dir.resolve("warden.yaml"));

    Secret secret =
        beside.parse(headerServer("${file:token}")).servers().getFirst().headers().get("X-Key");

    assertThat(secret.reveal()).isEqualTo("t");
  }

  @Test
  void namesAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThat(loader.problems(headerServer("${file:" + missing + "}")))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].headers.X-Key: secret file "
                + missing
                + " does not exist");
  }

  @Test
  void rejectsOtherReferenceSyntaxes() {
    assertThat(loader.problems(headerServer("${FOO}")))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].headers.X-Key: ${…} without env: or file: is not"
                + " supported; use ${env:NAME} or ${file:PATH}");
    assertThat(loader.problems(headerServer("${vault:kv/x}")))
        .singleElement()
        .asString()
        .endsWith("${vault:…} is not supported; use ${env:NAME} or ${file:PATH}");
    assertThat(loader.problems(headerServer("${env:X")))
        .singleElement()
        .asString()
        .endsWith("unterminated ${ without a closing }; use ${env:NAME} or ${file:PATH}");
  }

  @Test
  void rejectsHeaderValuesThatWouldSplitTheRequest() {
    loader.env.put("BAD", "a\r\nX-Injected: 1");
    assertThat(loader.problems(headerServer("${env:BAD}")))
        .containsExactly(
            "conf/warden.yaml:5: servers[0].headers.X-Key: must not contain line breaks or NUL"
                + " characters");
  }

  @Test
  void requiresAdminTokensToBeReferences() {
    assertThat(loader.problems("servers: []\nadmin:\n  tokens: [hunter2]\n"))
        .containsExactly(
            "conf/warden.yaml:3: admin.tokens[0]: a literal is not allowed here; put the token in"
                + " ${env:…} or ${file:…}");
    assertThat(loader.problems("servers: []\nadmin:\n  tokens: [\"x${env:A}\"]\n"))
        .singleElement()
        .asString()
        .endsWith("must be a single ${env:…} or ${file:…} reference with nothing around it");
  }

  @Test
  void rejectsReferencesWhereTheyWouldNotBeResolved() {
    assertThat(
            loader.problems("servers:\n  - { id: a, transport: stdio, command: [\"${env:X}\"] }\n"))
        .containsExactly(
            "conf/warden.yaml:2: servers[0].command[0]: ${…} references are only resolved in "
                + Section.REFERENCE_PLACES);
  }
}
