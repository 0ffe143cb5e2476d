package dev.warden.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.PersonaConfig;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonaStageTest {
  private final PersonaStage stage =
      new PersonaStage(
          Map.of(
              "triage",
              new Persona(
                  new PersonaConfig(
                      "triage",
                      "",
                      List.of("tickets__get_*"),
                      List.of("tickets__summarize"),
                      List.of("ticket://*")))));

  private static Exchange call(String persona, String method, String param, String value) {
    ObjectNode params = JsonNodeFactory.instance.objectNode().put(param, value);
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(1),
            method,
            params,
            JsonNodeFactory.instance.objectNode());
    Exchange ex = new Exchange("id", persona, m, n -> null, "127.0.0.1", 0);
    ex.principal(new Principal("bot", Set.of("triage")));
    return ex;
  }

  private Denial.Kind denial(Exchange ex) {
    Reply r = stage.apply(ex, e -> new Reply.Accepted());
    return r instanceof Reply.Denied d ? d.denial().kind() : null;
  }

  @Test
  void namesInsideThePersonaPass() {
    assertThat(denial(call("triage", "tools/call", "name", "tickets__get_ticket"))).isNull();
    assertThat(denial(call("triage", "prompts/get", "name", "tickets__summarize"))).isNull();
    assertThat(denial(call("triage", "resources/read", "uri", "ticket://TCK-1"))).isNull();
  }

  @Test
  void namesOutsideThePersonaAreInvisible() {
    assertThat(denial(call("triage", "tools/call", "name", "tickets__delete_ticket")))
        .isEqualTo(Denial.Kind.INVISIBLE);
    assertThat(denial(call("triage", "prompts/get", "name", "mail__x")))
        .isEqualTo(Denial.Kind.INVISIBLE);
    assertThat(denial(call("triage", "resources/read", "uri", "doc://secret")))
        .isEqualTo(Denial.Kind.INVISIBLE);
  }

  @Test
  void unknownPersonaIsNotFoundAndUnheldIsForbidden() {
    assertThat(denial(call("nope", "tools/list", "x", "y"))).isEqualTo(Denial.Kind.NOT_FOUND);
    Exchange ex = call("triage", "tools/list", "x", "y");
    ex.principal(new Principal("other", Set.of("auditor")));
    assertThat(denial(ex)).isEqualTo(Denial.Kind.FORBIDDEN);
  }
}
