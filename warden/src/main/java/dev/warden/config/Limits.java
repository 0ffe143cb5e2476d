package dev.warden.config;

import java.time.Duration;

/**
 * Bounds on every agent-facing input.
 *
 * @param maxBodyBytes largest request body accepted (413 above it)
 * @param maxJsonDepth deepest JSON nesting accepted in a request
 * @param sessionIdleTimeout a downstream session unused this long is closed
 */
public record Limits(long maxBodyBytes, int maxJsonDepth, Duration sessionIdleTimeout) {
  public static final Limits DEFAULTS = new Limits(4L * 1024 * 1024, 64, Duration.ofMinutes(30));
}
