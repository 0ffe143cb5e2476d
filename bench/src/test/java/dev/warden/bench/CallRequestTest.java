package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.edge.Era2026;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.junit.jupiter.api.Test;

class CallRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a2026CallCarriesItsEraInMetaAndMirrorsMethodAndNameInHeaders() throws Exception {
    CallRequest call = CallRequest.toolsCall(BenchCase.Era.V2026, "fast__payload_1k");
    JsonNode body = JSON.readTree(call.body(42));
    assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(body.path("id").asLong()).isEqualTo(42);
    assertThat(body.path("method").asText()).isEqualTo("tools/call");
    assertThat(body.path("params").path("name").asText()).isEqualTo("fast__payload_1k");
    assertThat(body.path("params").path("arguments").isObject()).isTrue();
    JsonNode meta = body.path("params").path("_meta");
    assertThat(meta.path(Era2026.META_VERSION).asText()).isEqualTo("2026-07-28");
    assertThat(meta.path(Era2026.META_CAPABILITIES).isObject()).isTrue();
    assertThat(meta.path(Era2026.META_CLIENT_INFO).path("name").asText()).isEqualTo("warden-bench");

    Map<String, String> h = headers(call);
    assertThat(h)
        .containsEntry("MCP-Protocol-Version", "2026-07-28")
        .containsEntry(Era2026.METHOD_HEADER, "tools/call")
        .containsEntry(Era2026.NAME_HEADER, "fast__payload_1k")
        .containsEntry("Accept", "application/json, text/event-stream");
  }

  @Test
  void a2026ListHasMetaButNoName() throws Exception {
    CallRequest list = CallRequest.toolsList(BenchCase.Era.V2026);
    JsonNode body = JSON.readTree(list.body(1));
    assertThat(body.path("params").path("_meta").path(Era2026.META_VERSION).asText())
        .isEqualTo("2026-07-28");
    assertThat(headers(list))
        .containsEntry(Era2026.METHOD_HEADER, "tools/list")
        .doesNotContainKey(Era2026.NAME_HEADER);
  }

  @Test
  void a2025CallHasNeitherMetaNorMirrorHeaders() throws Exception {
    CallRequest call = CallRequest.toolsCall(BenchCase.Era.V2025, "payload_64k");
    JsonNode body = JSON.readTree(call.body(7));
    assertThat(body.path("params").has("_meta")).isFalse();
    assertThat(body.path("params").path("name").asText()).isEqualTo("payload_64k");
    assertThat(headers(call))
        .containsEntry("MCP-Protocol-Version", "2025-11-25")
        .doesNotContainKeys(Era2026.METHOD_HEADER, Era2026.NAME_HEADER);
    assertThat(JSON.readTree(CallRequest.toolsList(BenchCase.Era.V2025).body(1)).has("params"))
        .isFalse();
  }

  @Test
  void namesThatAreNotPlainAsciiTravelInBase64() throws Exception {
    assertThat(CallRequest.headerValue("fast__echo")).isEqualTo("fast__echo");
    assertThat(CallRequest.headerValue("café")).isEqualTo("=?base64?Y2Fmw6k=?=");
    assertThat(CallRequest.headerValue("a b")).startsWith("=?base64?");
    CallRequest call = CallRequest.toolsCall(BenchCase.Era.V2026, "say \"hi\"");
    assertThat(JSON.readTree(call.body(1)).path("params").path("name").asText())
        .isEqualTo("say \"hi\"");
  }

  private static Map<String, String> headers(CallRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HttpField f : r.headers()) {
      out.put(f.getName(), f.getValue());
    }
    return out;
  }
}
