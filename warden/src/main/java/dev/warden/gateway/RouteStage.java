package dev.warden.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ExposedName;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.JsonRpcError;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ParamHeaders;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionStore;
import dev.warden.mcp.SessionTasks;
import dev.warden.mcp.TransportMethods;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamReply;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Scope;
import dev.warden.pipeline.Stage;
import dev.warden.registry.Catalog;
import dev.warden.registry.CatalogEntry;
import dev.warden.registry.CatalogView;
import dev.warden.registry.ListKind;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Always last: answers what the gateway owns (initialize, lists, ping) and sends the rest to the
 * upstream that offers it, through the session's own upstream session.
 */
final class RouteStage implements Stage {
  private final Catalog catalog;
  private final SessionStore sessions;
  private final Map<String, UpstreamServer> upstreams;
  private final Initializer initializer;
  private final DiscoverHandler discover;
  private final InputRequired inputRequired;
  private final StatelessTasks statelessTasks;
  private final TaskPolls taskPolls;
  private final ResourceSubscriptions resourceSubscriptions;
  private final StandingSubscriptions standingSubscriptions = new StandingSubscriptions();
  private final ResourceUpdates resourceUpdates = new ResourceUpdates();

  RouteStage(
      Catalog catalog,
      SessionStore sessions,
      Map<String, UpstreamServer> upstreams,
      Initializer initializer,
      InputRequired inputRequired) {
    this.inputRequired = inputRequired;
    this.catalog = catalog;
    this.sessions = sessions;
    this.upstreams = Map.copyOf(upstreams);
    this.initializer = initializer;
    this.discover = new DiscoverHandler(initializer);
    this.statelessTasks = new StatelessTasks(sessions.tokens());
    this.taskPolls = new TaskPolls(catalog, this.upstreams, sessions.tokens());
    this.resourceSubscriptions = new ResourceSubscriptions(catalog, this.upstreams);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    McpMessage m = exchange.message();
    if (m.kind() == McpMessage.Kind.RESPONSE) {
      return ClientMessages.answer(exchange);
    }
    String method = m.method();
    if (m.kind() == McpMessage.Kind.NOTIFICATION) {
      return transportOrNotification(exchange, method);
    }
    boolean stateless = exchange.era() == ProtocolEra.STATELESS;
    ListKind list = ListKind.ofMethod(method);
    if (list != null) {
      CatalogView view = catalog.view();
      ObjectNode result = list(view, list, exchange.scope());
      return new Reply.Result(
          stateless ? DiscoverHandler.listHints(result, view.complete()) : result);
    }
    if (stateless && method.equals("server/discover")) {
      CatalogView view = catalog.view();
      return discover.discover(
          exchange,
          offersTasks(view, exchange.scope()),
          offersSubscriptions(view, exchange.scope()));
    }
    if (stateless && method.equals("subscriptions/listen")) {
      return discover.listen(exchange, resourceSubscriptions);
    }
    return switch (method) {
      case "initialize" -> {
        CatalogView view = catalog.view();
        yield initializer.initialize(
            exchange,
            offersToolTasks(view, exchange.scope()),
            offersSubscriptions(view, exchange.scope()));
      }
      case "ping" -> new Reply.Result(JsonNodeFactory.instance.objectNode());
      case "logging/setLevel" -> ClientMessages.setLevel(exchange);
      case "tools/call" -> callTool(exchange, stateless);
      case "tasks/get", "tasks/cancel" ->
          stateless ? taskPolls.apply(exchange) : forwardTask(exchange);
      case "tasks/result" -> stateless ? notFound(method) : forwardTask(exchange);
      case "tasks/update" -> stateless ? taskPolls.apply(exchange) : notFound(method);
      case "tasks/list" ->
          stateless || exchange.session() == null
              ? notFound(method)
              : new Reply.Result(TaskListing.list(exchange.session(), m.id()));
      case "prompts/get" ->
          forwardNamed(exchange, ListKind.PROMPTS, JsonRpcError.unknownPrompt(m.param("name")));
      case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
          forwardResource(exchange);
      case "completion/complete" -> complete(exchange);
      default -> notFound(method);
    };
  }

  /** A 2026-07-28 call's reply, which the client's cancellation aborts from now on. */
  private static Reply started(CancellableCall call, Reply.Relay relay) {
    call.started(relay.upstream());
    return relay;
  }

  private static Reply notFound(String method) {
    return new Reply.Failure(
        new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method));
  }

  /**
   * True when a server that offers the persona a tool announced task-augmented tools/call: only
   * then does the persona's virtual server announce {@code tasks}.
   */
  static boolean offersToolTasks(CatalogView view, Scope scope) {
    return view.list(ListKind.TOOLS).stream()
        .anyMatch(e -> view.offersToolTasks(e.server()) && visible(ListKind.TOOLS, scope, e));
  }

  /**
   * True when a server that offers the persona a tool runs tools as tasks for 2026-07-28 clients:
   * only then does {@code server/discover} announce the tasks extension.
   */
  static boolean offersTasks(CatalogView view, Scope scope) {
    return view.list(ListKind.TOOLS).stream()
        .anyMatch(
            e -> StatelessTasks.offers(view, e.server()) && visible(ListKind.TOOLS, scope, e));
  }

  /** True when a server that offers the persona a resource takes subscriptions. */
  static boolean offersSubscriptions(CatalogView view, Scope scope) {
    return view.list(ListKind.RESOURCES).stream()
        .anyMatch(
            e -> view.offersResourceSubscribe(e.server()) && visible(ListKind.RESOURCES, scope, e));
  }

  /** A task-augmented call ({@code params.task}) answers with a task under a Warden task id. */
  private Reply callTool(Exchange exchange, boolean stateless) {
    McpMessage m = exchange.message();
    String tool = m.param("name");
    if (stateless) {
      return callToolStateless(exchange, tool);
    }
    Reply reply = forwardNamed(exchange, ListKind.TOOLS, JsonRpcError.unknownTool(tool));
    boolean task = m.params() != null && m.params().has("task");
    return task && exchange.session() != null ? withTaskIds(exchange, reply, tool) : reply;
  }

  /** A 2026-07-28 call becomes a task where the client and the tool's server both support it. */
  private Reply callToolStateless(Exchange exchange, String tool) {
    CatalogView view = catalog.view();
    Optional<CatalogEntry> entry = view.find(ListKind.TOOLS, tool);
    ParamHeaderCheck.Outcome headers =
        entry.isEmpty()
            ? ParamHeaderCheck.NONE
            : ParamHeaderCheck.check(exchange, entry.get().headerParams());
    if (headers.refused() != null) {
      return headers.refused();
    }
    StatelessTasks.Plan plan =
        entry
            .map(e -> StatelessTasks.plan(exchange.message(), view, e))
            .orElse(StatelessTasks.Plan.PLAIN);
    if (plan == StatelessTasks.Plan.MISSING_CAPABILITY) {
      exchange.decide(Exchange.Outcome.ERROR, "task:capability");
      return new Reply.Failure(StatelessTasks.missingCapability(tool));
    }
    Reply reply =
        forwardNamed(
            exchange,
            ListKind.TOOLS,
            JsonRpcError.unknownTool(tool),
            request -> StatelessTasks.amend(request, plan),
            headers.passedOn());
    return plan == StatelessTasks.Plan.PLAIN ? reply : statelessTasks.handles(exchange, reply);
  }

  /**
   * tasks/get, tasks/result, tasks/cancel: only a task this session started is found; it goes to
   * the server that runs it, under that server's own task id.
   */
  private Reply forwardTask(Exchange exchange) {
    String id = exchange.message().param("taskId");
    Optional<SessionTasks.Task> task =
        exchange.session() == null ? Optional.empty() : exchange.session().tasks().find(id);
    if (task.isEmpty()) {
      exchange.decide(Exchange.Outcome.ERROR, "task:unknown");
      return new Reply.Failure(
          new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Failed to retrieve task: Task not found"));
    }
    SessionTasks.Task t = task.get();
    exchange.route(t.server(), t.tool());
    ObjectNode request = UpstreamRequests.copy(exchange);
    ((ObjectNode) request.get("params")).put("taskId", t.upstreamId());
    return withTaskIds(
        exchange, forward(exchange, t.server(), JsonRpcCodec.bytes(request)), t.tool());
  }

  private static Reply withTaskIds(Exchange exchange, Reply reply, String tool) {
    if (!(reply instanceof Reply.Relay relay)) {
      return reply;
    }
    return new TaskReplies(
            exchange.session().tasks(), relay.server(), tool, exchange.message().id())
        .relayed(exchange, relay);
  }

  private Reply transportOrNotification(Exchange exchange, String method) {
    if (TransportMethods.OPEN_STREAM.equals(method)) {
      return new Reply.Stream(exchange.session());
    }
    if (TransportMethods.END_SESSION.equals(method)) {
      sessions.remove(exchange.session());
    } else {
      ClientMessages.notification(exchange);
    }
    return new Reply.Accepted();
  }

  private static ObjectNode list(CatalogView view, ListKind kind, Scope scope) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode items = result.putArray(kind.field());
    for (CatalogEntry e : view.list(kind)) {
      if (visible(kind, scope, e)) {
        items.add(e.definition());
      }
    }
    return result;
  }

  static boolean visible(ListKind kind, Scope scope, CatalogEntry e) {
    return switch (kind) {
      case TOOLS -> scope.allowsTool(e.exposedName());
      case PROMPTS -> scope.allowsPrompt(e.exposedName());
      case RESOURCES -> scope.allowsResource(e.upstreamName());
      case TEMPLATES -> scope.allowsResource(e.definition().path("uriTemplate").asText(""));
    };
  }

  /** tools/call and prompts/get: the exposed name becomes the upstream's own name. */
  private Reply forwardNamed(Exchange exchange, ListKind kind, JsonRpcError unknown) {
    return forwardNamed(exchange, kind, unknown, UnaryOperator.identity(), Map.of());
  }

  /**
   * {@code passedOn}: Mcp-Param headers the client sent that the tool does not declare; a tool's
   * declared ones are built from the arguments that go upstream.
   */
  private Reply forwardNamed(
      Exchange exchange,
      ListKind kind,
      JsonRpcError unknown,
      UnaryOperator<ObjectNode> amend,
      Map<String, String> passedOn) {
    McpMessage m = exchange.message();
    CatalogView view = catalog.view();
    Optional<CatalogEntry> entry = view.find(kind, m.param("name"));
    if (entry.isEmpty()) {
      return new Reply.Failure(unavailable(exchange, view, m.param("name")).orElse(unknown));
    }
    CatalogEntry e = entry.get();
    exchange.route(e.server(), e.exposedName());
    ObjectNode request = UpstreamRequests.copy(exchange);
    ((ObjectNode) request.get("params")).put("name", e.upstreamName());
    ObjectNode out = amend.apply(request);
    Map<String, String> headers =
        e.headerParams().isEmpty() && passedOn.isEmpty()
            ? Map.of()
            : ParamHeaders.build(e.headerParams(), out.path("params").get("arguments"), passedOn);
    return forward(exchange, e.server(), JsonRpcCodec.bytes(out), headers);
  }

  /**
   * A name on a server that could not be listed may well exist (the persona allowed it): the agent
   * is told the server is down, not that the name is unknown.
   */
  private static Optional<JsonRpcError> unavailable(
      Exchange exchange, CatalogView view, String exposedName) {
    Optional<String> server =
        ExposedName.parse(exposedName).map(ExposedName::server).filter(view::isUnavailable);
    server.ifPresent(s -> exchange.decide(Exchange.Outcome.ERROR, "upstream:unavailable"));
    return server.map(
        s ->
            new JsonRpcError(
                JsonRpcError.UPSTREAM_ERROR, "upstream '" + s + "' is unavailable right now"));
  }

  private Reply forwardResource(Exchange exchange) {
    McpMessage m = exchange.message();
    String uri = m.param("uri");
    Optional<String> server = catalog.view().serverOfResource(uri);
    if (server.isEmpty()) {
      return new Reply.Failure(JsonRpcError.unknownResource(uri));
    }
    exchange.route(server.get(), uri);
    if (exchange.era() != ProtocolEra.STATELESS && !m.method().equals("resources/read")) {
      return subscription(exchange, server.get());
    }
    ObjectNode request =
        exchange.era() == ProtocolEra.STATELESS ? UpstreamRequests.copy(exchange) : m.tree();
    return forward(exchange, server.get(), JsonRpcCodec.bytes(request));
  }

  /**
   * resources/subscribe and resources/unsubscribe of a 2025 client: a 2026-07-28 server has no such
   * methods, so a listen stream of its own stands in; a 2025 server takes them, and its updates are
   * relayed from its event stream.
   */
  private Reply subscription(Exchange exchange, String server) {
    UpstreamSession upstream = upstreamSession(exchange.session(), server);
    Optional<Reply> bridged = standingSubscriptions.apply(exchange, server, upstream);
    if (bridged.isPresent()) {
      return bridged.get();
    }
    Optional<Reply> refused = resourceUpdates.before(exchange, server);
    if (refused.isPresent()) {
      return refused.get();
    }
    Reply reply = forward(exchange, server, JsonRpcCodec.bytes(exchange.message().tree()));
    return resourceUpdates.after(exchange, server, upstream, reply);
  }

  private UpstreamSession upstreamSession(Session session, String server) {
    UpstreamServer upstream = upstreams.get(server);
    return session.upstream(server, id -> upstream.newSession(session.profile()));
  }

  /** Completions name a prompt (exposed name) or a resource template (URI) to complete for. */
  private Reply complete(Exchange exchange) {
    McpMessage m = exchange.message();
    JsonNode ref = m.params() == null ? null : m.params().get("ref");
    if (ref == null) {
      return new Reply.Failure(new JsonRpcError(JsonRpcError.INVALID_PARAMS, "ref is required"));
    }
    String type = ref.path("type").asText();
    ObjectNode request = UpstreamRequests.copy(exchange);
    ObjectNode newRef = ((ObjectNode) ref).deepCopy(); // below params: not copied by copy()
    ((ObjectNode) request.get("params")).set("ref", newRef);
    if (type.equals("ref/prompt")) {
      String name = ref.path("name").asText();
      Optional<CatalogEntry> e = catalog.view().find(ListKind.PROMPTS, name);
      if (e.isEmpty() || !exchange.scope().allowsPrompt(name)) {
        return new Reply.Failure(JsonRpcError.unknownPrompt(name));
      }
      newRef.put("name", e.get().upstreamName());
      exchange.route(e.get().server(), name);
      return forward(exchange, e.get().server(), JsonRpcCodec.bytes(request));
    }
    String uri = ref.path("uri").asText();
    Optional<String> server = catalog.view().serverOfResource(uri);
    if (server.isEmpty() || !exchange.scope().allowsResource(uri)) {
      return new Reply.Failure(JsonRpcError.unknownResource(uri));
    }
    exchange.route(server.get(), uri);
    return forward(exchange, server.get(), JsonRpcCodec.bytes(request));
  }

  private Reply forward(Exchange exchange, String server, byte[] request) {
    return forward(exchange, server, request, Map.of());
  }

  /** {@code headers}: the call's Mcp-Param headers, for an upstream of 2026-07-28. */
  private Reply forward(
      Exchange exchange, String server, byte[] request, Map<String, String> headers) {
    boolean stateless = exchange.era() == ProtocolEra.STATELESS;
    CancellableCall cancellable = null;
    if (stateless) {
      cancellable = CancellableCall.register(exchange, server);
      Optional<Reply> resumed = inputRequired.resume(exchange, server);
      if (resumed.isPresent()) {
        return resumed.get() instanceof Reply.Relay r ? started(cancellable, r) : resumed.get();
      }
    }
    UpstreamSession upstreamSession = upstreamSession(exchange.session(), server);
    try {
      UpstreamReply reply =
          stateless
              ? cancellable.send(upstreamSession, request, headers)
              : ParamHeaders.sending(headers, () -> upstreamSession.send(request));
      return stateless
          ? started(
              cancellable,
              new Reply.Relay(
                  server, inputRequired.watch(exchange, server, upstreamSession, reply)))
          : new Reply.Relay(server, reply);
    } catch (UpstreamException e) {
      if (exchange.cancelled()) { // the client cancelled it: no upstream failure
        return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
      }
      String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
      exchange.upstreamError(kind);
      exchange.decide(Exchange.Outcome.ERROR, "upstream:" + kind);
      return new Reply.Failure(new JsonRpcError(JsonRpcError.UPSTREAM_ERROR, e.getMessage()));
    }
  }
}
