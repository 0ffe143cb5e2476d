package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.detect.Catalogue;
import dev.warden.mcp.ExposedName;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.SeenValues;
import dev.warden.mcp.Session;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inline sensitive-data protection. Before routing it scans the string values of a call's arguments
 * (tools/call, prompts/get; for a 2026-07-28 tools/call also the Mcp-Param headers the tool does
 * not mark, which go upstream as they came) or the URI (resources/read), rewrites them or refuses
 * the call; on the way back it reads the upstream's answer whole, scans its text, structured
 * content and resource text, rewrites it or replaces it with a denial. Where the policy can only
 * allow or alert for the persona, server and direction, the answer streams through unread.
 */
public final class SensitiveDataStage implements Stage {
  private static final Logger log = LoggerFactory.getLogger(SensitiveDataStage.class);
  private static final Set<String> INSPECTED =
      Set.of("tools/call", "prompts/get", "resources/read", "tasks/result", "tasks/get");
  private static final String TRUST_HOP = "trust-hop";

  private final DetectionEngine engine;
  private final DataPolicy policy;
  private final Keyed tokens;
  private final Keyed fingerprints = Keyed.random();
  private final Map<String, Integer> ranks = new HashMap<>();
  private final Action onHop;
  private final boolean trust;
  private final Function<String, Optional<String>> resourceServer;
  private final Function<String, List<ParamHeaders.Param>> toolHeaders;

  /** As below, for tools that mark no argument as a header. */
  public SensitiveDataStage(
      DetectionEngine engine,
      DataProtectionConfig config,
      Map<String, List<String>> serverLabels,
      Function<String, Optional<String>> resourceServer) {
    this(engine, config, serverLabels, resourceServer, tool -> List.of());
  }

  /**
   * @param serverLabels each server's trust labels
   * @param resourceServer the server that offers a resource URI
   * @param toolHeaders the arguments a tool (by exposed name) mirrors in headers
   */
  public SensitiveDataStage(
      DetectionEngine engine,
      DataProtectionConfig config,
      Map<String, List<String>> serverLabels,
      Function<String, Optional<String>> resourceServer,
      Function<String, List<ParamHeaders.Param>> toolHeaders) {
    this.engine = engine;
    knownTypes(engine, config);
    this.policy = new DataPolicy(config.rules(), Catalogue.secretAndCardTypes());
    this.tokens =
        config
            .tokenizeKey()
            .map(k -> new Keyed(k.reveal().getBytes(StandardCharsets.UTF_8)))
            .orElseGet(() -> randomTokenKey(config));
    List<String> order = config.trust().order();
    serverLabels.forEach(
        (server, labels) ->
            ranks.put(server, labels.stream().mapToInt(order::indexOf).max().orElse(-1)));
    this.trust = !order.isEmpty();
    this.onHop = config.trust().onHop();
    this.resourceServer = resourceServer;
    this.toolHeaders = toolHeaders;
  }

  /** A rule naming a type the engine cannot report would never match: refused at start. */
  public static void knownTypes(DetectionEngine engine, DataProtectionConfig config) {
    Set<String> types = engine.types();
    for (var rule : config.rules()) {
      for (String type : rule.types()) {
        if (!types.contains(type)) {
          throw new IllegalArgumentException(
              "data-protection rule '" + rule.id() + "': unknown type " + type);
        }
      }
    }
  }

  private static Keyed randomTokenKey(DataProtectionConfig config) {
    if (config.rules().stream().anyMatch(r -> r.action() == Action.TOKENIZE)) {
      log.warn(
          "data-protection: no tokenize-key set; tokens are stable only until the gateway"
              + " restarts");
    }
    return Keyed.random();
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    McpMessage m = exchange.message();
    if (!m.isRequest() || !INSPECTED.contains(m.method())) {
      return next.proceed(exchange);
    }
    String server = targetServer(m);
    if (exchange.server().isEmpty() && !server.isEmpty()) {
      // Known before routing, so a refusal here is recorded and alerted with its server.
      exchange.route(
          server, m.method().equals("resources/read") ? m.param("uri") : m.param("name"));
    }
    Optional<Reply> refused = request(exchange, server);
    if (refused.isPresent()) {
      return refused.get();
    }
    Reply reply = next.proceed(exchange);
    if (reply instanceof Reply.Relay relay && readsResponse(exchange.persona(), relay.server())) {
      return response(exchange, relay);
    }
    return reply;
  }

  private String targetServer(McpMessage m) {
    if (m.method().equals("resources/read")) {
      return resourceServer.apply(m.param("uri")).orElse("");
    }
    return ExposedName.parse(m.param("name")).map(ExposedName::server).orElse("");
  }

  private boolean readsResponse(String persona, String server) {
    return policy.intervenes(persona, server, Direction.RESPONSE) || (trust && rank(server) >= 0);
  }

  private int rank(String server) {
    return ranks.getOrDefault(server, -1);
  }

  private Optional<Reply> request(Exchange exchange, String server) {
    McpMessage m = exchange.message();
    if (m.params() == null) {
      return Optional.empty();
    }
    Inspection in = inspection(exchange, server, Direction.REQUEST);
    Session session = exchange.session();
    if (trust && session != null && session.seen().size() > 0) {
      SeenValues seen = session.seen();
      int target = rank(server);
      in.checkHops(fp -> seen.rank(fp).orElse(-1) > target, onHop);
    }
    if (m.method().equals("resources/read")) {
      in.field(m.params(), "uri");
    } else {
      headersAndArguments(exchange, in);
    }
    return in.blocked()
        .map(
            b ->
                Refusals.refuse(
                    exchange,
                    b,
                    b.rule().equals(TRUST_HOP)
                        ? "a "
                            + b.type()
                            + " value from a higher-trust server may not go to server '"
                            + server
                            + "'"
                        : "the request carries a " + b.type() + " value"));
  }

  /**
   * The arguments, and the Mcp-Param headers of a 2026-07-28 tools/call (see {@link
   * MirroredHeaders}); none sent costs one look at the header names.
   */
  private void headersAndArguments(Exchange exchange, Inspection in) {
    JsonNode arguments = exchange.message().params().get("arguments");
    Map<String, String> sent = MirroredHeaders.sent(exchange);
    if (sent.isEmpty()) {
      in.all(arguments);
      return;
    }
    List<ParamHeaders.Param> declared = toolHeaders.apply(exchange.message().param("name"));
    List<ParamHeaders.Param> mirroring = MirroredHeaders.mirroring(sent, declared, arguments);
    in.all(arguments);
    Inspection.HeaderRewrite undeclared = in.headers(ParamHeaders.undeclared(sent, declared));
    Map<String, String> replaced = new HashMap<>(undeclared.values());
    if (in.changed()) {
      replaced.putAll(MirroredHeaders.followed(mirroring, arguments, sent));
    }
    exchange.replaceHeaders(replaced, undeclared.dropped());
  }

  private Reply response(Exchange exchange, Reply.Relay relay) {
    String server = relay.server();
    JsonNode id = exchange.message().id();
    UpstreamAnswer answer = UpstreamAnswer.read(relay.upstream(), id, exchange.session(), server);
    Inspection in = inspection(exchange, server, Direction.RESPONSE);
    int rank = rank(server);
    if (trust && rank >= 0) {
      in.collectFingerprints();
    }
    answer.notifications().forEach(n -> in.all(n.get("params")));
    answer.response().ifPresent(r -> result(in, r.get("result")));
    answer.response().ifPresent(r -> in.all(r.get("error")));
    boolean task = exchange.method().equals("tasks/get");
    if (task) {
      // A finished task of the tasks extension carries the tool's result (or error) inline.
      answer.response().ifPresent(r -> result(in, r.path("result").get("result")));
      answer.response().ifPresent(r -> in.all(r.path("result").get("error")));
    }
    if (in.blocked().isPresent()) {
      Inspection.Blocked b = in.blocked().get();
      String reason = "the answer from server '" + server + "' carries a " + b.type() + " value";
      return task && answer.response().isPresent()
          ? Refusals.deniedTask(exchange, b, reason, answer.response().get())
          : Refusals.refuse(exchange, b, reason);
    }
    if (exchange.session() != null) {
      in.fingerprints().forEach(fp -> exchange.session().seen().remember(fp, rank));
    }
    List<byte[]> notes = answer.notifications().stream().map(JsonRpcCodec::bytes).toList();
    if (answer.broken().isPresent()) {
      UpstreamAnswer.Broken why = answer.broken().get();
      exchange.decide(Exchange.Outcome.ERROR, why.rule());
      JsonRpcError error =
          new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, "upstream '" + server + "' " + why.what());
      return answer.eventStream()
          ? new Reply.Rewritten(server, notes, JsonRpcCodec.error(id, error), true)
          : new Reply.Failure(error);
    }
    ObjectNode response = answer.response().orElseThrow();
    byte[] body =
        in.changed() || answer.raw() == null ? JsonRpcCodec.bytes(response) : answer.raw();
    return new Reply.Rewritten(server, notes, body, answer.eventStream());
  }

  /** Where MCP results carry text: tool content, structured content, resources, prompts. */
  static void result(Inspection in, JsonNode result) {
    if (result == null) {
      return;
    }
    content(in, result.get("content"));
    in.all(result.get("structuredContent"));
    for (JsonNode c : result.path("contents")) {
      in.field(c, "text");
    }
    for (JsonNode message : result.path("messages")) {
      content(in, message.get("content"));
    }
  }

  private static void content(Inspection in, JsonNode content) {
    if (content == null) {
      return;
    }
    for (JsonNode item : content.isArray() ? content : List.of(content)) {
      in.field(item, "text");
      in.field(item.path("resource"), "text");
    }
  }

  private Inspection inspection(Exchange exchange, String server, Direction direction) {
    return new Inspection(engine, policy, tokens, fingerprints, exchange, server, direction);
  }
}
