package dev.warden.cli;

import dev.warden.audit.AuditTrail;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import dev.warden.config.ConfigProblem;
import dev.warden.config.WardenConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code warden audit verify|tail|export --config FILE}: reads the trail straight from the store
 * the configuration names, so it works while the gateway is stopped.
 */
@Command(
    name = "audit",
    description = "Verify, follow or export the audit trail.",
    subcommands = {AuditVerifyCommand.class, AuditTailCommand.class, AuditExportCommand.class})
final class AuditCommand {
  static final int BROKEN = 3;

  /** Options every audit subcommand shares. */
  static final class Store {
    @Option(
        names = {"-c", "--config"},
        required = true,
        description = "Configuration file (YAML); only its storage and audit settings are read.")
    Path config;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    /** Opens the trail, or prints why not and returns null. */
    AuditTrail open() {
      try {
        WardenConfig cfg = ConfigLoader.loadStorage(config);
        return AuditTrail.open(cfg);
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::toString).forEach(err()::println);
      } catch (IOException e) {
        err().println("warden audit: cannot read " + config + ": " + e.getClass().getSimpleName());
      } catch (RuntimeException e) {
        err().println("warden audit: cannot open the audit store: " + e.getMessage());
      }
      err().flush();
      return null;
    }
  }
}
