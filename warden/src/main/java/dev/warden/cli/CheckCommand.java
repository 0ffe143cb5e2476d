package dev.warden.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warden check --config FILE}: validates a configuration without starting anything. */
@Command(name = "check", description = "Validate a configuration file and exit.")
final class CheckCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      required = true,
      description = "Configuration file (YAML).")
  Path config;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("config loader not wired yet");
  }
}
