package dev.warden.upstream;

import dev.warden.config.ProcessOptions;
import dev.warden.config.ServerConfig;
import dev.warden.mcp.UpstreamServer;
import dev.warden.mcp.UpstreamSession;
import dev.warden.net.VirtualThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connector for a stdio server: a pool of processes (one unless the server is stateless), each
 * holding the one MCP session the gateway keeps with it. Downstream sessions share a process and
 * are pinned to it, in turn; their requests are told apart by link-unique JSON-RPC ids.
 */
public final class StdioUpstream implements UpstreamServer {
  private final ServerConfig config;
  private final StdioSlot[] slots;
  private final AtomicInteger next = new AtomicInteger();

  public StdioUpstream(ServerConfig config, String clientVersion) {
    this.config = config;
    this.slots = new StdioSlot[config.process().pool()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new StdioSlot(config, clientVersion);
    }
    if (config.process().start() == ProcessOptions.Start.BOOT) {
      for (StdioSlot slot : slots) {
        slot.start();
      }
    }
  }

  @Override
  public String id() {
    return config.id();
  }

  @Override
  public UpstreamSession newSession() {
    StdioSlot slot = slots[Math.floorMod(next.getAndIncrement(), slots.length)];
    return new LinkSession(config.id(), slot, false);
  }

  /** Stops every process of the pool at once, each with its own grace period. */
  @Override
  public void close() {
    try (ExecutorService stopping = VirtualThreads.perTask()) {
      for (StdioSlot slot : slots) {
        stopping.submit(slot::close);
      }
    }
  }
}
