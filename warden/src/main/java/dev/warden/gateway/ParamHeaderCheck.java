package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.mcp.HeaderValues;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.ParamHeaders;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Mcp-Param-*} headers of a 2026-07-28 client's {@code tools/call}, checked against its
 * arguments as the specification has a server check them: each argument the tool marks with {@code
 * x-mcp-header} must be mirrored by its header, decoded from the base64 form where used, and a
 * header may not claim an argument that is absent. Any refusal is 400 with {@code -32020}, as for
 * the other mirrored headers. Headers the tool does not declare are passed on to a 2026-07-28
 * upstream as they came, or as the data-protection rules rewrote them. Costs one scan of the
 * request's header names when the tool marks nothing.
 */
final class ParamHeaderCheck {
  /** A refusal, or the headers to pass on (none declared by the tool). */
  record Outcome(Reply refused, Map<String, String> passedOn) {}

  static final Outcome NONE = new Outcome(null, Map.of());

  private ParamHeaderCheck() {}

  static Outcome check(Exchange exchange, List<ParamHeaders.Param> declared) {
    Map<String, String> sent = exchange.headers().startingWith(ParamHeaders.LOWER_PREFIX);
    if (declared.isEmpty() && sent.isEmpty()) {
      return NONE;
    }
    JsonNode params = exchange.message().params();
    JsonNode arguments = params == null ? null : params.get("arguments");
    for (ParamHeaders.Param p : declared) {
      String refused = refusal(p, sent.get(p.lowerHeader()), arguments);
      if (refused != null) {
        exchange.decide(Exchange.Outcome.DENIED, "era:header");
        return new Outcome(
            new Reply.Failure(new JsonRpcError(JsonRpcError.HEADER_MISMATCH, refused), 400),
            Map.of());
      }
    }
    Map<String, String> passedOn = new LinkedHashMap<>();
    ParamHeaders.undeclared(sent, declared)
        .forEach(
            (name, value) ->
                passedOn.put(
                    ParamHeaders.PREFIX + name.substring(ParamHeaders.LOWER_PREFIX.length()),
                    value));
    return passedOn.isEmpty() ? NONE : new Outcome(null, passedOn);
  }

  /** Why the header does not mirror the argument, or null when it does. */
  private static String refusal(ParamHeaders.Param p, String header, JsonNode arguments) {
    String name = ParamHeaders.PREFIX + p.name();
    JsonNode argument = arguments == null ? null : arguments.get(p.property());
    String expected = ParamHeaders.text(argument);
    if (expected == null) {
      return header == null
          ? null
          : name + " header given, but arguments." + p.property() + " has no value to mirror";
    }
    if (header == null) {
      // A value too long for a header is not mirrored: clients omit it.
      return ParamHeaders.headerForm(expected) == null
          ? null
          : name + " header is missing for arguments." + p.property();
    }
    String decoded = HeaderValues.decode(header);
    if (decoded == null) {
      return name + " header is malformed";
    }
    return ParamHeaders.mirrors(decoded, argument)
        ? null
        : name + " header does not match arguments." + p.property();
  }
}
