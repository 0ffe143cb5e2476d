package dev.warden.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warden serve [--config FILE]}: runs the gateway; without a config, the built-in demo. */
@Command(
    name = "serve",
    description = "Run the gateway (the built-in demo when no config is given).")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      description = "Configuration file (YAML). Without it, the built-in demo runs.")
  Path config;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("gateway not wired yet");
  }
}
