package dev.warden.config;

import java.util.List;

/**
 * An agent and the credentials it presents to the gateway.
 *
 * @param keys API keys brought in through {@code ${env:…}} or {@code ${file:…}}
 * @param keySha256 lower-case hex SHA-256 digests of API keys, for configs that must not hold keys
 */
public record AgentConfig(
    String id, List<String> personas, List<Secret> keys, List<String> keySha256) {
  public AgentConfig {
    personas = List.copyOf(personas);
    keys = List.copyOf(keys);
    keySha256 = List.copyOf(keySha256);
  }
}
