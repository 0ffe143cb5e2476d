package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamHeadersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void readsTheMarksOfTopLevelPropertiesAndIgnoresInvalidOrRepeatedOnes() throws Exception {
    JsonNode tool =
        json(
            "{'name':'t','inputSchema':{'type':'object','properties':{"
                + "'region':{'type':'string','x-mcp-header':'Region'},"
                + "'again':{'type':'string','x-mcp-header':'REGION'},"
                + "'spaced':{'type':'string','x-mcp-header':'My Region'},"
                + "'colon':{'type':'string','x-mcp-header':'a:b'},"
                + "'empty':{'type':'string','x-mcp-header':''},"
                + "'n':{'type':'integer','x-mcp-header':'Count'},"
                + "'plain':{'type':'string'}}}}");
    assertThat(ParamHeaders.declared(tool))
        .containsExactly(
            new ParamHeaders.Param("region", "Region"), new ParamHeaders.Param("n", "Count"));
    assertThat(ParamHeaders.declared(json("{'name':'t','inputSchema':{'type':'object'}}")))
        .isEmpty();
    assertThat(new ParamHeaders.Param("region", "Region").lowerHeader())
        .isEqualTo("mcp-param-region");
  }

  @Test
  void mirrorsPrimitivesOnlyAndComparesNumbersByValue() throws Exception {
    JsonNode args = json("{'s':'x y','i':42,'d':3.14,'b':false,'o':{},'a':[1],'z':null}");
    assertThat(ParamHeaders.text(args.get("s"))).isEqualTo("x y");
    assertThat(ParamHeaders.text(args.get("i"))).isEqualTo("42");
    assertThat(ParamHeaders.text(args.get("d"))).isEqualTo("3.14");
    assertThat(ParamHeaders.text(args.get("b"))).isEqualTo("false");
    assertThat(ParamHeaders.text(args.get("o"))).isNull();
    assertThat(ParamHeaders.text(args.get("a"))).isNull();
    assertThat(ParamHeaders.text(args.get("z"))).isNull();
    assertThat(ParamHeaders.text(args.get("missing"))).isNull();
    assertThat(ParamHeaders.mirrors("42.0", args.get("i"))).isTrue();
    assertThat(ParamHeaders.mirrors("43", args.get("i"))).isFalse();
    assertThat(ParamHeaders.mirrors("abc", args.get("d"))).isFalse();
    assertThat(ParamHeaders.mirrors("False", args.get("b"))).isFalse();
  }

  @Test
  void buildsHeadersFromTheArgumentsAndPassesUnknownOnesOn() throws Exception {
    JsonNode args = json("{'region':'Zürich','n':7,'long':'" + "x".repeat(9000) + "'}");
    Map<String, String> headers =
        ParamHeaders.build(
            java.util.List.of(
                new ParamHeaders.Param("region", "Region"),
                new ParamHeaders.Param("n", "Count"),
                new ParamHeaders.Param("long", "Long"),
                new ParamHeaders.Param("absent", "Absent")),
            args,
            Map.of("Mcp-Param-Tenant", "acme", "Mcp-Param-Region", "forged"));
    assertThat(headers)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Mcp-Param-Region", "=?base64?WsO8cmljaA==?=",
                "Mcp-Param-Count", "7",
                "Mcp-Param-Tenant", "acme"));
  }
}
