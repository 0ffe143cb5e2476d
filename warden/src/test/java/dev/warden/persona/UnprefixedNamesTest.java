package dev.warden.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.PersonaConfig;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A persona with {@code names: unprefixed}, seen through PersonaStage. */
class UnprefixedNamesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PersonaStage stage =
      new PersonaStage(
          Map.of(
              "desk",
              new Persona(
                  new PersonaConfig(
                          "desk",
                          "",
                          List.of("tickets__get_*"),
                          List.of("tickets__summarize"),
                          List.of("ticket://*"))
                      .withNames(PersonaConfig.Names.UNPREFIXED))));

  private static Exchange request(String method, String params) throws Exception {
    ObjectNode tree =
        (ObjectNode)
            JSON.readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}");
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST, tree.get("id"), method, (ObjectNode) tree.get("params"), tree);
    Exchange ex = new Exchange("id", "desk", m, n -> null, "127.0.0.1", 0);
    ex.principal(new Principal("bot", Set.of("desk")));
    return ex;
  }

  /** Runs the stage; the message the next stage saw lands in {@code seen}. */
  private Reply run(Exchange ex, AtomicReference<McpMessage> seen, Reply answer) {
    return stage.apply(
        ex,
        e -> {
          seen.set(e.message());
          return answer;
        });
  }

  @Test
  void callsByTheServersOwnNameReachTheExposedName() throws Exception {
    AtomicReference<McpMessage> seen = new AtomicReference<>();
    Exchange ex = request("tools/call", "{\"name\":\"get_ticket\",\"arguments\":{\"id\":\"T-1\"}}");
    run(ex, seen, new Reply.Accepted());
    assertThat(seen.get().param("name")).isEqualTo("tickets__get_ticket");
    assertThat(seen.get().tree().at("/params/name").asText()).isEqualTo("tickets__get_ticket");
    assertThat(seen.get().tree().at("/params/arguments/id").asText()).isEqualTo("T-1");
    assertThat(seen.get().id().asInt()).isEqualTo(7);
    assertThat(ex.target()).isEqualTo("tickets__get_ticket");
  }

  @Test
  void promptsAndPromptCompletionsAreTranslatedToo() throws Exception {
    AtomicReference<McpMessage> seen = new AtomicReference<>();
    run(request("prompts/get", "{\"name\":\"summarize\"}"), seen, new Reply.Accepted());
    assertThat(seen.get().param("name")).isEqualTo("tickets__summarize");
    run(
        request(
            "completion/complete",
            "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"summarize\"},"
                + "\"argument\":{\"name\":\"a\",\"value\":\"b\"}}"),
        seen,
        new Reply.Accepted());
    assertThat(seen.get().params().at("/ref/name").asText()).isEqualTo("tickets__summarize");
    assertThat(seen.get().tree().at("/params/ref/name").asText()).isEqualTo("tickets__summarize");
  }

  @Test
  void listsShowTheServersOwnNames() throws Exception {
    JsonNode tools =
        JSON.readTree(
            "{\"tools\":[{\"name\":\"tickets__get_ticket\",\"inputSchema\":{\"type\":\"object\"}}]}");
    Reply reply =
        run(request("tools/list", "{}"), new AtomicReference<>(), new Reply.Result(tools));
    assertThat(((Reply.Result) reply).result().at("/tools/0/name").asText())
        .isEqualTo("get_ticket");
    assertThat(((Reply.Result) reply).result().at("/tools/0/inputSchema/type").asText())
        .isEqualTo("object");
    assertThat(tools.at("/tools/0/name").asText())
        .as("the catalog's own definition is not modified")
        .isEqualTo("tickets__get_ticket");
  }

  @Test
  void unknownNamesAreReportedAsTheAgentWroteThem() throws Exception {
    Reply outside = run(request("tools/call", "{\"name\":\"delete_ticket\"}"), null, null);
    assertThat(((Reply.Denied) outside).denial().kind()).isEqualTo(Denial.Kind.INVISIBLE);
    assertThat(((Reply.Denied) outside).denial().reason()).isEqualTo("Unknown tool: delete_ticket");

    Reply unknown =
        run(
            request("tools/call", "{\"name\":\"get_nothing\"}"),
            new AtomicReference<>(),
            new Reply.Failure(JsonRpcError.unknownTool("tickets__get_nothing")));
    assertThat(((Reply.Failure) unknown).error().message()).isEqualTo("Unknown tool: get_nothing");
  }

  @Test
  void aPrefixedNameIsNotAcceptedTwice() throws Exception {
    Reply r = run(request("tools/call", "{\"name\":\"tickets__get_ticket\"}"), null, null);
    assertThat(r).isInstanceOf(Reply.Denied.class);
  }
}
