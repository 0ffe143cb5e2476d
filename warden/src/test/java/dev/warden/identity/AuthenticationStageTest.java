package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.config.AgentConfig;
import dev.warden.config.Secret;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationStageTest {
  private final AuthenticationStage stage =
      new AuthenticationStage(
          new AgentDirectory(
              List.of(
                  new AgentConfig(
                      "bot", List.of("triage"), List.of(Secret.of("k-1", "env:K")), List.of()),
                  new AgentConfig(
                      "hashed",
                      List.of("audit"),
                      List.of(),
                      List.of(AgentDirectory.sha256("k-2").toUpperCase())),
                  new AgentConfig(
                          "assistant",
                          List.of("triage"),
                          List.of(Secret.of("k-3", "env:K3")),
                          List.of())
                      .withUserHeader("X-End-User"))));

  private static Exchange exchange(String authorization) {
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(1),
            "ping",
            null,
            JsonNodeFactory.instance.objectNode());
    Map<String, String> headers =
        authorization == null ? Map.of() : Map.of("Authorization", authorization);
    return new Exchange("id", "triage", m, headers::get, "127.0.0.1", 0);
  }

  private Reply run(Exchange ex) {
    return stage.apply(ex, e -> new Reply.Accepted());
  }

  @Test
  void knownKeyNamesTheAgent() {
    Exchange ex = exchange("Bearer k-1");
    assertThat(run(ex)).isInstanceOf(Reply.Accepted.class);
    assertThat(ex.principal().agent()).isEqualTo("bot");
    assertThat(ex.principal().holds("triage")).isTrue();
  }

  @Test
  void keyGivenOnlyAsDigestWorks() {
    Exchange ex = exchange("bearer k-2");
    assertThat(run(ex)).isInstanceOf(Reply.Accepted.class);
    assertThat(ex.principal().agent()).isEqualTo("hashed");
  }

  @Test
  void missingWrongSchemeAndUnknownKeyAreUnauthenticated() {
    for (String header : new String[] {null, "Basic abc", "Bearer nope", "Bearer "}) {
      Reply r = run(exchange(header));
      assertThat(r)
          .isInstanceOfSatisfying(
              Reply.Denied.class,
              d -> assertThat(d.denial().kind()).isEqualTo(Denial.Kind.UNAUTHENTICATED));
    }
  }

  @Test
  void twoAgentsSharingAKeyIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new AgentDirectory(
                    List.of(
                        new AgentConfig(
                            "a", List.of(), List.of(Secret.of("same", "env:A")), List.of()),
                        new AgentConfig(
                            "b", List.of(), List.of(Secret.of("same", "env:B")), List.of()))))
        .hasMessageContaining("share an API key")
        .hasMessageNotContaining("same\"");
  }

  private static Exchange exchange(String authorization, String endUser) {
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(1),
            "ping",
            null,
            JsonNodeFactory.instance.objectNode());
    Map<String, String> headers = Map.of("Authorization", authorization, "X-End-User", endUser);
    return new Exchange("id", "triage", m, headers::get, "127.0.0.1", 0);
  }

  @Test
  void takesTheEndUserFromTheAgentsUserHeader() {
    Exchange ex = exchange("Bearer k-3", "alice@example.com");
    assertThat(run(ex)).isInstanceOf(Reply.Accepted.class);
    assertThat(ex.principal().user()).isEqualTo("alice@example.com");
    assertThat(ex.user()).isEqualTo("alice@example.com");

    Exchange none = exchange("Bearer k-3");
    assertThat(run(none)).isInstanceOf(Reply.Accepted.class);
    assertThat(none.user()).isEmpty();
  }

  @Test
  void ignoresTheHeaderForAnAgentWithoutOne() {
    Exchange ex = exchange("Bearer k-1", "alice@example.com");
    assertThat(run(ex)).isInstanceOf(Reply.Accepted.class);
    assertThat(ex.user()).isEmpty();
  }

  @Test
  void refusesAnOverLongOrUnprintableEndUser() {
    assertThat(run(exchange("Bearer k-3", "u".repeat(256)))).isInstanceOf(Reply.Accepted.class);
    for (String bad : List.of("u".repeat(257), "alice\u0000", "bob\u001b[31m", "eve\u202e")) {
      Exchange ex = exchange("Bearer k-3", bad);
      assertThat(run(ex))
          .isInstanceOfSatisfying(
              Reply.Denied.class,
              d -> {
                assertThat(d.denial().kind()).isEqualTo(Denial.Kind.BAD_REQUEST);
                assertThat(d.denial().rule()).isEqualTo("auth:user");
                assertThat(d.denial().reason()).startsWith("Header X-End-User ");
              });
      assertThat(ex.principal()).isNull();
    }
  }
}
