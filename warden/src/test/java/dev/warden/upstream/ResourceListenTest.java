package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.JsonRpcCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceListenTest {
  private static JsonNode filter(String json) throws Exception {
    return JsonRpcCodec.MAPPER.readTree(json);
  }

  @Test
  void agreesTheUrisAskedThatTheServerNamedInTheOrderAsked() throws Exception {
    List<String> agreed =
        ResourceListen.agreed(
            List.of("a://1", "a://2", "a://3"),
            filter("{\"resourceSubscriptions\":[\"a://3\",\"a://1\"]}"));
    assertThat(agreed).containsExactly("a://1", "a://3");
  }

  @Test
  void neverAgreesAUriThatWasNotAsked() throws Exception {
    List<String> agreed =
        ResourceListen.agreed(
            List.of("a://1"), filter("{\"resourceSubscriptions\":[\"a://1\",\"b://other\"]}"));
    assertThat(agreed).containsExactly("a://1");
  }

  @Test
  void agreesNoneWhenTheServerHonouredNoResourceSubscriptions() throws Exception {
    assertThat(ResourceListen.agreed(List.of("a://1"), filter("{\"toolsListChanged\":true}")))
        .isEmpty();
    assertThat(ResourceListen.agreed(List.of("a://1"), filter("{}"))).isEmpty();
  }
}
