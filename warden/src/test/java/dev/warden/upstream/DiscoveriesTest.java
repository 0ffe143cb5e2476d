package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.mcp.UpstreamException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DiscoveriesTest {
  private static StatelessHttpSession.Discovery classify(int status, String body)
      throws UpstreamException {
    return Discoveries.classify("s", status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDiscoverResultMeansTheStatelessEraAndReadsAsAnInitializeResult() throws Exception {
    StatelessHttpSession.Discovery d =
        classify(
            200,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"resultType\":\"complete\","
                + "\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}},"
                + "\"instructions\":\"hi\",\"_meta\":{\"io.modelcontextprotocol/serverInfo\":"
                + "{\"name\":\"x\",\"version\":\"2\"}}}}");
    assertThat(d.result().path("protocolVersion").asText()).isEqualTo("2026-07-28");
    assertThat(d.result().path("capabilities").has("tools")).isTrue();
    assertThat(d.result().path("serverInfo").path("name").asText()).isEqualTo("x");
    assertThat(d.result().path("instructions").asText()).isEqualTo("hi");
  }

  @Test
  void anUnrecognisedClientErrorMeansTheStatefulEra() throws Exception {
    assertThat(classify(400, "").result()).isNull();
    assertThat(classify(404, "Not Found").result()).isNull();
    assertThat(
            classify(
                    400,
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"no session\"}}")
                .result())
        .isNull();
  }

  @Test
  void anUnsupportedVersionListingStatefulRevisionsFallsBack() throws Exception {
    assertThat(
            classify(
                    400,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,\"message\":\"no\","
                        + "\"data\":{\"supported\":[\"2025-11-25\"],\"requested\":\"2026-07-28\"}}}")
                .result())
        .isNull();
  }

  @Test
  void recognisedRefusalsOfTheStatelessEraAreErrorsNotFallbacks() {
    assertThatThrownBy(
            () ->
                classify(
                    400,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,\"message\":\"no\","
                        + "\"data\":{\"supported\":[\"2027-01-01\"],\"requested\":\"2026-07-28\"}}}"))
        .hasMessageContaining("2027-01-01");
    assertThatThrownBy(
            () ->
                classify(
                    400,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32020,\"message\":\"bad header\"}}"))
        .hasMessageContaining("bad header");
    assertThatThrownBy(() -> classify(503, "")).hasMessageContaining("503");
  }

  @Test
  void stripsOnlyTheStatelessResultMembers() throws Exception {
    var m =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            dev.warden.mcp.JsonRpcCodec.MAPPER.readTree(
                "{\"id\":1,\"result\":{\"resultType\":\"complete\",\"ttlMs\":5,"
                    + "\"cacheScope\":\"public\",\"contents\":[]}}");
    assertThat(InputRounds.strip(m)).isTrue();
    assertThat(m.toString()).isEqualTo("{\"id\":1,\"result\":{\"contents\":[]}}");
    assertThat(InputRounds.strip(m)).isFalse();
  }
}
