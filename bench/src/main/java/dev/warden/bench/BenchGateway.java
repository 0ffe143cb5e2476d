package dev.warden.bench;

import dev.warden.config.AdminConfig;
import dev.warden.config.AgentConfig;
import dev.warden.config.HostPort;
import dev.warden.config.Limits;
import dev.warden.config.PersonaConfig;
import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import java.net.URI;
import java.util.List;

/**
 * Fallback for {@code --gateway-launch in-code}: the same configuration as {@link GatewayConfig},
 * built in code, for builds whose {@code warden serve --config} cannot read a file yet. The
 * benchmark of record uses the real jar.
 *
 * <p>{@code BenchGateway PORT UPSTREAM_URL}; the agent key comes from {@code $BENCH_KEY}.
 */
public final class BenchGateway {
  private BenchGateway() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BenchGateway PORT UPSTREAM_URL");
      System.exit(2);
    }
    String key = System.getenv(GatewayConfig.KEY_ENV);
    if (key == null || key.isBlank()) {
      System.err.println("set " + GatewayConfig.KEY_ENV);
      System.exit(2);
    }
    WardenConfig config =
        new WardenConfig(
            null,
            new HostPort("127.0.0.1", Integer.parseInt(args[0])),
            new AdminConfig(new HostPort("127.0.0.1", 0), List.of()),
            WardenConfig.DEFAULT_STORAGE,
            Limits.DEFAULTS,
            List.of(),
            List.of(ServerConfig.streamableHttp(GatewayConfig.SERVER, URI.create(args[1]))),
            List.of(
                new PersonaConfig(
                    GatewayConfig.PERSONA,
                    "Load benchmark persona",
                    List.of(GatewayConfig.SERVER + "__*"),
                    List.of(),
                    List.of())),
            List.of(
                new AgentConfig(
                    "bench-agent",
                    List.of(GatewayConfig.PERSONA),
                    List.of(Secret.of(key, "env:" + GatewayConfig.KEY_ENV)),
                    List.of())));
    Gateway gateway = Gateway.start(config, (exchange, next) -> next.proceed(exchange), "bench");
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
    System.out.println("gateway listening on " + gateway.endpoint(GatewayConfig.PERSONA));
    Thread.currentThread().join();
  }
}
