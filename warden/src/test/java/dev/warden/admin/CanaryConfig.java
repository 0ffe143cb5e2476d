package dev.warden.admin;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.AuditConfig;
import dev.warden.config.DataProtectionConfig;
import dev.warden.config.HostPort;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.Transport;
import dev.warden.config.WardenConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A configuration with one canary value planted in every place a secret can be: the admin token, an
 * upstream header, a URL's password, query and fragment, a stdio command and environment, an agent
 * key and a key hash. An answer that contains the canary has leaked a secret.
 */
final class CanaryConfig {
  static final String CANARY = "canary-5b1f0e7d9a3c4e21";
  static final String CANARY_SHA256 = sha256Hex(CANARY);
  static final String ADMIN_AUTH = "Bearer " + CANARY;

  /** Ids that exist in the configuration, by collection. */
  static final Map<String, String> EXISTING_IDS =
      Map.of("servers", "tickets", "personas", "support-triage", "agents", "triage-bot");

  private CanaryConfig() {}

  /** The canary configuration with the canary as its only admin token. */
  static WardenConfig withCanaryToken() {
    return withAdminTokens(List.of(Secret.of(CANARY, "env:WARDEN_ADMIN_TOKEN")));
  }

  static WardenConfig withAdminTokens(List<Secret> adminTokens) {
    var tickets =
        new ServerConfig(
            "tickets",
            Transport.STREAMABLE_HTTP,
            URI.create("http://ops:" + CANARY + "@127.0.0.1:3001/mcp?key=" + CANARY + "#" + CANARY),
            Map.of(
                "Authorization", Secret.of("Bearer " + CANARY, "env:TICKETS_TOKEN"),
                "X-Team", Secret.literal("support")),
            List.of(),
            Map.of(),
            Duration.ofSeconds(15),
            ServerConfig.DEFAULT_CONNECT_TIMEOUT);
    var files =
        new ServerConfig(
            "files",
            Transport.STDIO,
            null,
            Map.of(),
            List.of("node", "files.js", "--token=" + CANARY),
            Map.of("FILES_TOKEN", Secret.of(CANARY, "file:/run/secrets/files")),
            ServerConfig.DEFAULT_TIMEOUT,
            ServerConfig.DEFAULT_CONNECT_TIMEOUT);
    var persona =
        new PersonaConfig(
            "support-triage",
            "Reads tickets and drafts replies.",
            List.of("tickets__get_ticket", "tickets__search_*"),
            List.of(),
            List.of("tickets://*"));
    var agent =
        new AgentConfig(
            "triage-bot",
            List.of("support-triage"),
            List.of(Secret.of(CANARY, "env:TRIAGE_BOT_KEY")),
            List.of(CANARY_SHA256));
    return new WardenConfig(
        null,
        new HostPort("127.0.0.1", 0),
        new AdminConfig(new HostPort("127.0.0.1", 0), adminTokens),
        WardenConfig.DEFAULT_STORAGE,
        AuditConfig.DEFAULTS.disabled(),
        Limits.DEFAULTS,
        List.of(),
        List.of(tickets, files),
        List.of(persona),
        List.of(agent),
        DataProtectionConfig.DEFAULT);
  }

  private static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
