package dev.warden.cli;

import dev.warden.admin.AdminServer;
import dev.warden.audit.AuditObserver;
import dev.warden.audit.AuditTrail;
import dev.warden.audit.GatewayMetrics;
import dev.warden.audit.TelemetryStage;
import dev.warden.audit.otel.OtelExport;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import dev.warden.config.ConfigProblem;
import dev.warden.config.PersonaConfig;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import dev.warden.mcp.JsonScanner;
import dev.warden.pipeline.Stage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warden serve [--config FILE]}: runs the gateway; without a config, the built-in demo. */
@Command(
    name = "serve",
    description = "Run the gateway (the built-in demo when no config is given).")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = {"-c", "--config"},
      description = "Configuration file (YAML). Without it, the built-in demo runs.")
  Path config;

  @Option(
      names = "--demo-port",
      description = "Agent-facing port of the built-in demo (default 8080; 0 picks a free one).")
  int demoPort = 8080;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out =
        spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err =
        spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    DemoRun demo = null;
    WardenConfig cfg;
    if (config == null) {
      demo = DemoRun.start(demoPort);
      cfg = demo.config();
    } else {
      try {
        cfg = ConfigLoader.load(config);
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
        err.flush();
        return CheckCommand.INVALID;
      } catch (IOException e) {
        err.println("warden serve: cannot read " + config + ": " + e.getClass().getSimpleName());
        err.flush();
        return CheckCommand.UNREADABLE;
      }
    }
    return serve(cfg, demo, out, err);
  }

  private int serve(WardenConfig cfg, DemoRun demo, PrintWriter out, PrintWriter err)
      throws Exception {
    GatewayMetrics metrics = new GatewayMetrics();
    Gateway gateway;
    AuditTrail audit = cfg.audit().enabled() ? AuditTrail.open(cfg) : null;
    Optional<OtelExport> otel = OtelExport.start(cfg.telemetry(), VersionProvider.version());
    try {
      Stage metricsStage =
          new TelemetryStage(
              metrics, cfg.personas().stream().map(PersonaConfig::id).collect(Collectors.toSet()));
      Stage telemetry = otel.map(o -> o.around(metricsStage)).orElse(metricsStage);
      Stage auditStage =
          audit == null
              ? (exchange, next) -> next.proceed(exchange)
              : audit.stage(otel.map(OtelExport::auditLogs).orElse(AuditObserver.NONE));
      gateway =
          otel.isEmpty()
              ? Gateway.start(cfg, telemetry, auditStage, VersionProvider.version())
              : Gateway.start(
                  cfg, telemetry, auditStage, VersionProvider.version(), otel.get().upstreams());
    } catch (IllegalArgumentException e) {
      err.println("warden serve: " + e.getMessage());
      err.flush();
      if (audit != null) {
        audit.close();
      }
      otel.ifPresent(OtelExport::close);
      return CheckCommand.INVALID;
    }
    otel.ifPresent(o -> log.info("OpenTelemetry export to {}", cfg.telemetry().endpoint()));
    if (audit != null) {
      log.info("audit trail in {}", audit.database());
    }
    if (!JsonScanner.simd()) {
      log.info(
          "upstream answers are checked without SIMD: start Java with"
              + " --add-modules jdk.incubator.vector (bin/warden does) to check large ones faster");
    }
    metrics.registerSessionGauge(() -> gateway.sessions().size());
    gateway.alerts().bindTo(metrics.registry());
    AdminServer admin =
        AdminServer.start(
            cfg, metrics, java.util.Optional.ofNullable(audit).map(AuditTrail::sink), () -> "ok");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping");
                  gateway.close();
                  closeQuietly(admin);
                  if (audit != null) {
                    // After the listener: every request still in flight gets its record.
                    audit.close();
                  }
                  // Last: the audit records committed while closing are exported too.
                  otel.ifPresent(OtelExport::close);
                  if (demo != null) {
                    demo.close();
                  }
                  metrics.close();
                  stopped.countDown();
                }));
    Map<String, String> keys = demo == null ? Map.of() : demo.keys();
    new Banner(cfg, gateway, admin.uri(), keys).print(out);
    out.flush();
    stopped.await();
    return 0;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {}: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
