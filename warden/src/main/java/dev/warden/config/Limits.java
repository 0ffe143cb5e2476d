package dev.warden.config;

import java.time.Duration;

/**
 * Bounds on every agent-facing input.
 *
 * @param maxBodyBytes largest request body accepted (413 above it)
 * @param maxJsonDepth deepest JSON nesting accepted in a request
 * @param sessionIdleTimeout a downstream session unused this long is closed
 * @param streamKeepAlive an event stream silent this long gets a comment, which keeps proxies from
 *     closing it and finds a client that left
 * @param connectionThreads without event loops, agent connections served on platform threads at
 *     most; connections beyond get virtual threads (0: every connection on a virtual thread)
 * @param eventLoops every agent connection is served on a virtual thread of one of this many event
 *     loops, which also reads the upstream HTTP connections it opens (ADR 0007; default one per
 *     processor); 0 serves connections on threads instead (ADR 0006)
 */
public record Limits(
    long maxBodyBytes,
    int maxJsonDepth,
    Duration sessionIdleTimeout,
    Duration streamKeepAlive,
    int connectionThreads,
    int eventLoops) {
  public static final Duration STREAM_KEEP_ALIVE = Duration.ofSeconds(15);
  public static final int CONNECTION_THREADS = 256;

  /** One event loop per processor the JVM may use (its container's CPU limit, where set). */
  public static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

  public static final Limits DEFAULTS =
      new Limits(4L * 1024 * 1024, 64, Duration.ofMinutes(30), STREAM_KEEP_ALIVE);

  /** Limits with the default stream keep-alive. */
  public Limits(long maxBodyBytes, int maxJsonDepth, Duration sessionIdleTimeout) {
    this(maxBodyBytes, maxJsonDepth, sessionIdleTimeout, STREAM_KEEP_ALIVE);
  }

  /** Limits with the default number of event loops. */
  public Limits(
      long maxBodyBytes,
      int maxJsonDepth,
      Duration sessionIdleTimeout,
      Duration streamKeepAlive,
      int connectionThreads) {
    this(
        maxBodyBytes,
        maxJsonDepth,
        sessionIdleTimeout,
        streamKeepAlive,
        connectionThreads,
        EVENT_LOOPS);
  }

  /** Limits with the default number of connection threads. */
  public Limits(
      long maxBodyBytes, int maxJsonDepth, Duration sessionIdleTimeout, Duration streamKeepAlive) {
    this(maxBodyBytes, maxJsonDepth, sessionIdleTimeout, streamKeepAlive, CONNECTION_THREADS);
  }
}
