package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.HeaderValues;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.ProtocolEra;
import dev.warden.pipeline.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Mcp-Param headers of a 2026-07-28 {@code tools/call} as the data-protection rules see them.
 * Those the tool does not mark go upstream as they came, so they are scanned like arguments. Those
 * it marks are rebuilt from the arguments that go upstream; a header that mirrored its argument
 * follows the argument's rewrite, so that the later check still finds it mirroring.
 */
final class MirroredHeaders {
  private MirroredHeaders() {}

  /** The Mcp-Param headers sent with a 2026-07-28 tools/call, by lower-cased name; else none. */
  static Map<String, String> sent(Exchange exchange) {
    return exchange.era() == ProtocolEra.STATELESS && exchange.method().equals("tools/call")
        ? exchange.headers().startingWith(ParamHeaders.LOWER_PREFIX)
        : Map.of();
  }

  /** The marked parameters whose header mirrors the argument as it is now. */
  static List<ParamHeaders.Param> mirroring(
      Map<String, String> sent, List<ParamHeaders.Param> declared, JsonNode arguments) {
    List<ParamHeaders.Param> out = new ArrayList<>(declared.size());
    for (ParamHeaders.Param p : declared) {
      String decoded = HeaderValues.decode(sent.get(p.lowerHeader()));
      JsonNode argument = arguments == null ? null : arguments.get(p.property());
      if (decoded != null && argument != null && ParamHeaders.mirrors(decoded, argument)) {
        out.add(p);
      }
    }
    return out;
  }

  /** New header values for the parameters in {@code mirroring} whose argument was rewritten. */
  static Map<String, String> followed(
      List<ParamHeaders.Param> mirroring, JsonNode arguments, Map<String, String> sent) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ParamHeaders.Param p : mirroring) {
      JsonNode argument = arguments.get(p.property());
      String decoded = HeaderValues.decode(sent.get(p.lowerHeader()));
      if (!ParamHeaders.mirrors(decoded, argument)) {
        out.put(
            p.lowerHeader(),
            Objects.requireNonNullElse(
                ParamHeaders.headerForm(ParamHeaders.text(argument)), sent.get(p.lowerHeader())));
      }
    }
    return out;
  }
}
