package dev.warden.bench;

import java.net.URI;

/**
 * Where the load generator sends calls over HTTP: the upstream itself or a gateway persona
 * endpoint, and in which protocol era.
 *
 * @param mode {@code direct} or {@code gateway}
 * @param bearer the agent key, or null when the endpoint needs none
 * @param toolPrefix prepended to the upstream's tool names ({@code fast__} through the gateway)
 */
record Endpoint(String mode, URI uri, String bearer, String toolPrefix, BenchCase.Era era) {
  String tool(String payloadLabel) {
    return toolPrefix + PayloadText.toolName(payloadLabel);
  }

  boolean stateless() {
    return era == BenchCase.Era.V2026;
  }
}
