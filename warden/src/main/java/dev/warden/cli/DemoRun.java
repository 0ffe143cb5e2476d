package dev.warden.cli;

import dev.warden.config.AdminConfig;
import dev.warden.config.HostPort;
import dev.warden.config.WardenConfig;
import dev.warden.demo.DemoServers;
import dev.warden.demo.DemoSetup;
import java.util.List;
import java.util.Map;

/** The built-in demo: in-process demo servers on loopback and a configuration in front of them. */
final class DemoRun implements AutoCloseable {
  private final DemoServers servers;
  private final DemoSetup setup;

  private DemoRun(DemoServers servers, DemoSetup setup) {
    this.servers = servers;
    this.setup = setup;
  }

  /** Agents on {@code port}, the admin listener on the next port (both free ones for 0). */
  static DemoRun start(int port) throws Exception {
    DemoServers servers = DemoServers.start(0);
    HostPort listen = new HostPort("127.0.0.1", port);
    AdminConfig admin =
        new AdminConfig(new HostPort("127.0.0.1", port == 0 ? 0 : port + 1), List.of());
    return new DemoRun(servers, DemoSetup.create(servers.endpoints(), listen, admin));
  }

  WardenConfig config() {
    return setup.config();
  }

  /** Agent id to the API key generated for it at start. */
  Map<String, String> keys() {
    return setup.agentKeys();
  }

  @Override
  public void close() {
    servers.close();
  }
}
