package dev.warden.admin;

import dev.warden.config.AgentConfig;
import java.util.List;

/**
 * An agent as the admin API shows it: how many keys it has, never the keys or their hashes (a hash
 * of a short key can be brute-forced offline).
 */
record AgentView(String id, List<String> personas, int keyCount) {

  static AgentView of(AgentConfig agent) {
    return new AgentView(
        agent.id(), agent.personas(), agent.keys().size() + agent.keySha256().size());
  }
}
