package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the Warden jar: {@code warden serve}, {@code warden check}. */
@Command(
    name = "warden",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Governs what AI agents do with enterprise tools.",
    subcommands = {ServeCommand.class, CheckCommand.class, ScanCommand.class, AuditCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    // No subcommand: start with the built-in demo, the README's first command.
    new CommandLine(new ServeCommand()).execute();
  }
}
