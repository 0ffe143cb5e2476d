package dev.warden.persona;

import dev.warden.mcp.McpMessage;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.util.Map;

/**
 * Authorizes by persona: the endpoint's persona must exist and be held by the agent, and a call
 * must name something inside it. Outside the persona a tool does not exist: the denial looks
 * exactly like an unknown name and nothing reaches an upstream.
 */
public final class PersonaStage implements Stage {
  private final Map<String, Persona> personas;

  public PersonaStage(Map<String, Persona> personas) {
    this.personas = Map.copyOf(personas);
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Persona persona = personas.get(exchange.persona());
    if (persona == null) {
      return Reply.denied(Denial.Kind.NOT_FOUND, "persona:unknown", "No such persona endpoint");
    }
    if (!exchange.principal().holds(persona.persona())) {
      return Reply.denied(
          Denial.Kind.FORBIDDEN,
          "persona:not-held",
          "Agent " + exchange.principal().agent() + " does not hold persona " + persona.persona());
    }
    exchange.scope(persona);
    if (persona.unprefixed()) {
      exchange.rewrite(UnprefixedNames.inbound(persona, exchange.message()));
    }
    McpMessage m = exchange.message();
    if (m.isRequest()) {
      Reply refused = checkTarget(exchange, persona, m);
      if (refused != null) {
        return refused;
      }
    }
    Reply reply = next.proceed(exchange);
    return persona.unprefixed() ? UnprefixedNames.outbound(persona, m, reply) : reply;
  }

  /** A denial when the request names something outside the persona, else null. */
  private static Reply checkTarget(Exchange exchange, Persona persona, McpMessage m) {
    return switch (m.method()) {
      case "tools/call" -> {
        String name = m.param("name");
        exchange.target(name);
        yield persona.allowsTool(name)
            ? null
            : invisible("persona:tools", "Unknown tool: " + persona.agentName(name));
      }
      case "prompts/get" -> {
        String name = m.param("name");
        exchange.target(name);
        yield persona.allowsPrompt(name)
            ? null
            : invisible("persona:prompts", "Unknown prompt: " + persona.agentName(name));
      }
      case "resources/read", "resources/subscribe", "resources/unsubscribe" -> {
        String uri = m.param("uri");
        exchange.target(uri);
        yield persona.allowsResource(uri)
            ? null
            : invisible("persona:resources", "Unknown resource: " + uri);
      }
      default -> null;
    };
  }

  private static Reply invisible(String rule, String message) {
    return Reply.denied(Denial.Kind.INVISIBLE, rule, message);
  }
}
