package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatelessRepliesTest {
  private static String complete(String json, boolean cacheable) {
    return new String(
        StatelessReplies.complete(json.getBytes(StandardCharsets.UTF_8), cacheable),
        StandardCharsets.UTF_8);
  }

  @Test
  void addsResultTypeToAResult() {
    assertThat(complete("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[]}}", false))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"resultType\":\"complete\",\"content\":[]}}");
  }

  @Test
  void addsResultTypeToAnEmptyResult() {
    assertThat(complete("{\"id\":1, \"result\" : {}}", false))
        .isEqualTo("{\"id\":1, \"result\" : {\"resultType\":\"complete\"}}");
  }

  @Test
  void keepsWhatTheResultAlreadySays() {
    String json =
        "{\"id\":1,\"result\":{\"resultType\":\"input_required\",\"ttlMs\":5,\"cacheScope\":\"public\"}}";
    assertThat(complete(json, true)).isEqualTo(json);
  }

  @Test
  void addsCacheHintsToAReadResult() {
    assertThat(complete("{\"id\":\"é\",\"result\":{\"contents\":[{\"text\":\"ü\"}]}}", true))
        .isEqualTo(
            "{\"id\":\"é\",\"result\":{\"resultType\":\"complete\",\"ttlMs\":0,"
                + "\"cacheScope\":\"private\",\"contents\":[{\"text\":\"ü\"}]}}");
  }

  @Test
  void leavesErrorsNestedResultsAndBrokenJsonAlone() {
    String error = "{\"id\":1,\"error\":{\"code\":-1,\"message\":\"x\",\"data\":{\"result\":{}}}}";
    assertThat(complete(error, true)).isEqualTo(error);
    assertThat(complete("{\"id\":1,\"result\":{", false)).isEqualTo("{\"id\":1,\"result\":{");
    assertThat(complete("[1,2]", false)).isEqualTo("[1,2]");
  }
}
