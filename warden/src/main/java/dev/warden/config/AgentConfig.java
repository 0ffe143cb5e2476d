package dev.warden.config;

import java.util.List;
import java.util.Optional;

/**
 * An agent and the credentials it presents to the gateway.
 *
 * @param keys API keys brought in through {@code ${env:…}} or {@code ${file:…}}
 * @param keySha256 lower-case hex SHA-256 digests of API keys, for configs that must not hold keys
 * @param userHeader the HTTP header in which the agent's platform names the end user the agent acts
 *     for (trusted: set by the platform, not by the model); empty when users are not known
 */
public record AgentConfig(
    String id,
    List<String> personas,
    List<Secret> keys,
    List<String> keySha256,
    Optional<String> userHeader) {
  public AgentConfig {
    personas = List.copyOf(personas);
    keys = List.copyOf(keys);
    keySha256 = List.copyOf(keySha256);
  }

  /** An agent whose end users are not known. */
  public AgentConfig(String id, List<String> personas, List<Secret> keys, List<String> keySha256) {
    this(id, personas, keys, keySha256, Optional.empty());
  }

  /** This agent, naming its end user in {@code header}. */
  public AgentConfig withUserHeader(String header) {
    return new AgentConfig(id, personas, keys, keySha256, Optional.of(header));
  }
}
