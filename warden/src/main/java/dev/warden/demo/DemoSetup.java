package dev.warden.demo;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.AuditConfig;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.HostPort;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway configuration of the built-in demo: the three demo servers, three personas and three
 * agents, each agent with a fresh random API key that the CLI prints.
 */
public final class DemoSetup {
  public static final List<String> SERVER_IDS = List.of("tickets", "mail", "docs");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WardenConfig config;
  private final Map<String, String> agentKeys;

  private DemoSetup(WardenConfig config, Map<String, String> agentKeys) {
    this.config = config;
    this.agentKeys = agentKeys;
  }

  /**
   * @param endpoints from {@link DemoServers#endpoints()}; must hold tickets, mail and docs
   */
  public static DemoSetup create(Map<String, URI> endpoints, HostPort listen, AdminConfig admin) {
    List<ServerConfig> servers = new ArrayList<>();
    for (String id : SERVER_IDS) {
      URI uri = endpoints.get(id);
      if (uri == null) {
        throw new IllegalArgumentException("no endpoint for demo server '" + id + "'");
      }
      servers.add(ServerConfig.streamableHttp(id, uri));
    }
    Map<String, String> keys = new LinkedHashMap<>();
    List<AgentConfig> agents = new ArrayList<>();
    agent(agents, keys, "triage-bot", List.of("support-triage"));
    agent(agents, keys, "audit-bot", List.of("auditor"));
    agent(agents, keys, "outreach-bot", List.of("outreach", "support-triage"));
    WardenConfig config =
        new WardenConfig(
            null,
            listen,
            admin,
            WardenConfig.DEFAULT_STORAGE,
            AuditConfig.DEFAULTS.disabled(),
            Limits.DEFAULTS,
            List.of(),
            servers,
            personas(),
            agents,
            DataProtectionConfig.DEFAULT);
    return new DemoSetup(config, Collections.unmodifiableMap(keys));
  }

  public WardenConfig config() {
    return config;
  }

  /** Agent id to its API key, in config order; the CLI prints these for the user. */
  public Map<String, String> agentKeys() {
    return agentKeys;
  }

  /** A new API key: "wk_" and 32 base64url characters (192 random bits). */
  static String newKey() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    // Keys stay out of logs; config's Secrets already print only their origin.
    return "DemoSetup[agents=" + agentKeys.keySet() + "]";
  }

  private static List<PersonaConfig> personas() {
    return List.of(
        new PersonaConfig(
            "support-triage",
            "Reads tickets and drafts replies. Never deletes anything, never sends mail on its own.",
            List.of(
                "tickets__search_tickets",
                "tickets__get_ticket",
                "tickets__update_ticket",
                "mail__draft_reply",
                "mail__list_drafts",
                "docs__search_docs",
                "docs__get_doc"),
            List.of("tickets__*"),
            List.of("ticket://*", "doc://*")),
        new PersonaConfig(
            "auditor",
            "Reads tickets and documents to check how cases were handled. Changes nothing.",
            List.of("tickets__search_tickets", "tickets__get_ticket", "docs__*"),
            List.of(),
            List.of("*")),
        new PersonaConfig(
            "outreach",
            "Writes and sends mail to customers about their tickets.",
            List.of("mail__*", "tickets__get_ticket"),
            List.of(),
            List.of()));
  }

  private static void agent(
      List<AgentConfig> agents, Map<String, String> keys, String id, List<String> personas) {
    String key = newKey();
    keys.put(id, key);
    agents.add(new AgentConfig(id, personas, List.of(Secret.of(key, "generated")), List.of()));
  }
}
