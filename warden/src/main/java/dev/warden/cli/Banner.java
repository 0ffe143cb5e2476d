package dev.warden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.AgentConfig;
import dev.warden.config.PersonaConfig;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

/** What `warden serve` prints once it listens: endpoints, agents and a client snippet to paste. */
final class Banner {
  private final WardenConfig config;
  private final Gateway gateway;
  private final URI admin;
  private final Map<String, String> keys;

  /** {@code keys}: agent id to API key, only for keys this process made (the demo). */
  Banner(WardenConfig config, Gateway gateway, URI admin, Map<String, String> keys) {
    this.config = config;
    this.gateway = gateway;
    this.admin = admin;
    this.keys = keys;
  }

  void print(PrintWriter out) {
    out.printf(
        "Warden %s is serving %s%n",
        VersionProvider.version(), keys.isEmpty() ? config.source() : "the built-in demo");
    out.printf("  admin:   %s  (/healthz, /metrics, /admin/api/v1/openapi.json)%n%n", admin);
    out.println("Persona endpoints (MCP Streamable HTTP):");
    for (PersonaConfig p : config.personas()) {
      out.printf("  %-16s %s%n", p.id(), gateway.endpoint(p.id()));
    }
    out.println();
    out.println(keys.isEmpty() ? "Agents:" : "Agents (demo keys, valid while this process runs):");
    for (AgentConfig a : config.agents()) {
      String key = keys.get(a.id());
      out.printf(
          "  %-14s personas: %-32s%s%n",
          a.id(), String.join(", ", a.personas()), key == null ? "" : " key: " + key);
    }
    if (!keys.isEmpty() && !config.agents().isEmpty()) {
      AgentConfig first = config.agents().get(0);
      out.println();
      out.println(
          "MCP client configuration (mcp.json for Claude Code, Cursor, VS Code and others):");
      out.println(snippet(first, keys.get(first.id())));
    }
    out.println();
    out.println("Stop with Ctrl-C.");
  }

  private String snippet(AgentConfig agent, String key) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode servers = root.putObject("mcpServers");
    for (String persona : agent.personas()) {
      ObjectNode s = servers.putObject("warden-" + persona);
      s.put("type", "http");
      s.put("url", gateway.endpoint(persona).toString());
      s.putObject("headers").put("Authorization", "Bearer " + key);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
