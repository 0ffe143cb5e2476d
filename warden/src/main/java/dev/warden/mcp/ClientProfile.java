package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an upstream session declares on behalf of the downstream client it serves: the client
 * capabilities Warden can relay (sampling, elicitation, roots) and the log level the client asked
 * for. Gateway-owned sessions (catalog listing) use {@link #NONE}.
 *
 * @param capabilities the {@code capabilities} object to send in initialize
 * @param logLevel the level last set by the client with {@code logging/setLevel}, if any
 */
public record ClientProfile(ObjectNode capabilities, Supplier<Optional<String>> logLevel) {
  /** The capabilities Warden relays; any other the client declares stays with the gateway. */
  public static final java.util.List<String> RELAYED =
      java.util.List.of("sampling", "elicitation", "roots");

  public static final ClientProfile NONE =
      new ClientProfile(JsonNodeFactory.instance.objectNode(), Optional::empty);

  /** The relayable part of a client's declared {@code capabilities}. */
  public static ObjectNode relayable(JsonNode declared) {
    ObjectNode caps = JsonNodeFactory.instance.objectNode();
    for (String name : RELAYED) {
      if (declared != null && declared.get(name) instanceof ObjectNode value) {
        caps.set(name, value.deepCopy());
      }
    }
    return caps;
  }
}
